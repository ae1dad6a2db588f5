package dev.tgdialog.widgets;

import dev.tgdialog.DialogContext;
import dev.tgdialog.spi.Media;
import dev.tgdialog.spi.MediaWidget;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A gallery: shows one of a list of media at a time, the one of its page ({@link Scrollable#PAGE}); add it to a
 * window both as its media and as a widget, and turn it with a {@link Pager}:
 * {@code w.media(gallery).add(gallery).add(Pager.prevNext("pg", gallery))}. Renders no buttons of its own.
 */
public final class MediaScroll implements Scrollable, MediaWidget {
    private final String id;
    private final Function<DialogContext, List<Media>> media;

    private MediaScroll(String id, Function<DialogContext, List<Media>> media) {
        this.id = Objects.requireNonNull(id, "id");
        this.media = Objects.requireNonNull(media, "media");
    }

    /** A gallery of the media {@code media} returns (typically a getter's value). */
    public static MediaScroll of(String id, Function<DialogContext, List<Media>> media) {
        return new MediaScroll(id, media);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int pageCount(RenderContext ctx) {
        return Math.max(1, media.apply(ctx).size());
    }

    @Override
    public List<List<InlineKeyboardButton>> render(RenderContext ctx) {
        return List.of();
    }

    @Override
    public @Nullable Media media(RenderContext ctx) {
        List<Media> all = media.apply(ctx);
        if (all.isEmpty()) {
            return null;
        }
        return all.get(Math.min(Scrollable.page(ctx, id), all.size() - 1));
    }
}
