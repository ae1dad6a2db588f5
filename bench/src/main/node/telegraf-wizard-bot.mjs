// The wizard of shared/bench/SCENARIO.md on Telegraf 4 (WizardScene, Stage, in-memory session), as a bot process
// of its own: it long-polls BOT_API_URL with BOT_TOKEN, as the JVM bots do in FootprintBench, which starts it to
// weigh it beside them. The first argument is a folder whose node_modules holds telegraf (shared/bench/peers-node
// after its install). Written for tgdialog's bench; the scenario's texts are the peers' own.
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(path.join(process.argv[2], "package.json"));
const { Telegraf, Scenes, session, Markup, Composer } = require("telegraf");
const { message } = require("telegraf/filters");

const PER_PAGE = 5;
const PAGES = 6;
const title = (page) => `Pick a fruit (page ${page + 1}/${PAGES})`;
const pager = (page) => [
  Markup.button.callback("« Prev", `page:${Math.max(page - 1, 0)}`),
  Markup.button.callback("Next »", `page:${Math.min(page + 1, PAGES - 1)}`),
];
const list = (page) => {
  const rows = [];
  for (let n = page * PER_PAGE + 1; n <= (page + 1) * PER_PAGE; n++) {
    rows.push([Markup.button.callback(`item ${n}`, `item:${n}`)]);
  }
  rows.push(pager(page));
  return Markup.inlineKeyboard(rows);
};

const pick = new Composer();
pick.action(/^page:(\d+)$/, async (ctx) => {
  const page = Number(ctx.match[1]);
  await ctx.answerCbQuery();
  if (page !== ctx.wizard.state.page) {
    ctx.wizard.state.page = page;
    await ctx.editMessageText(title(page), list(page));
  }
});
pick.action(/^item:(\d+)$/, async (ctx) => {
  ctx.wizard.state.item = Number(ctx.match[1]);
  await ctx.answerCbQuery();
  await ctx.editMessageText("Enter quantity");
  return ctx.wizard.next();
});
const quantity = new Composer();
quantity.on(message("text"), async (ctx) => {
  const qty = Number.parseInt(ctx.message.text, 10);
  if (!(qty > 0)) return ctx.reply("Please send a positive number");
  ctx.wizard.state.qty = qty;
  await ctx.reply(`item ${ctx.wizard.state.item} x ${qty}`, Markup.inlineKeyboard([[Markup.button.callback("Confirm", "confirm")]]));
  return ctx.wizard.next();
});
const confirm = new Composer();
confirm.action("confirm", async (ctx) => {
  await ctx.answerCbQuery();
  await ctx.editMessageText("Done");
  return ctx.scene.leave();
});
const wizard = new Scenes.WizardScene(
  "fruit",
  async (ctx) => {
    ctx.wizard.state.page = 0;
    await ctx.reply(title(0), list(0));
    return ctx.wizard.next();
  },
  pick,
  quantity,
  confirm,
);

const bot = new Telegraf(process.env.BOT_TOKEN, { telegram: { apiRoot: process.env.BOT_API_URL } });
bot.use(session());
bot.use(new Scenes.Stage([wizard]).middleware());
bot.command("start", (ctx) => ctx.scene.enter("fruit"));
bot.launch();
process.once("SIGTERM", () => bot.stop("SIGTERM"));
