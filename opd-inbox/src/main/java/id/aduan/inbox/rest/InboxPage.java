package id.aduan.inbox.rest;

import java.util.List;

/** One page of the inbox; pass {@code nextCursor} back as {@code cursor} for the next one. */
public record InboxPage(List<InboxItem> items, String nextCursor) {
}
