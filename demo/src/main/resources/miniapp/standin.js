// A stand-in for the few calls of Telegram's WebApp script the pizza builder makes, for when the page is opened
// outside Telegram (offline, in a browser, in tests). Written for this demo; Telegram's script is never copied here.
window.TelegramStandIn = {
  initData: '',
  sent: [],
  ready() {},
  sendData(data) {
    this.sent.push(data);
    document.body.setAttribute('data-sent', data);
  },
};
