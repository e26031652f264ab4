package id.aduan.inbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InboxCursorTest {

    @Test
    void aCursorSurvivesTheRoundTripToTheClient() {
        InboxCursor cursor = new InboxCursor(InboxSort.OLDEST,
                OffsetDateTime.parse("2026-11-26T09:15:30.123456+07:00"), UUID.randomUUID());
        InboxCursor back = InboxCursor.decode(cursor.encode()).orElseThrow();
        assertThat(back.sort()).isEqualTo(InboxSort.OLDEST);
        assertThat(back.value().toInstant()).isEqualTo(cursor.value().toInstant());
        assertThat(back.id()).isEqualTo(cursor.id());
    }

    @Test
    void aComplaintWithoutDeadlineIsAPositionToo() {
        InboxCursor cursor = new InboxCursor(InboxSort.DEADLINE, null, UUID.randomUUID());
        assertThat(InboxCursor.decode(cursor.encode())).contains(cursor);
    }

    @Test
    void anythingElseIsNoCursor() {
        assertThat(InboxCursor.decode("!!!")).isEmpty();
        assertThat(InboxCursor.decode("bm90LWEtY3Vyc29y")).isEmpty();
        assertThat(InboxCursor.decode("")).isEmpty();
    }
}
