package id.aduan.inbox.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.inbox.persistence.OpdSuccessionRepository.Mergers;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Following mergers in memory: to the end of the chain, and never forever. */
class OpdMergersInForceTest {

    private static OpdSuccessionRecord merged(String from, String into, String liaison) {
        OpdSuccessionRecord row = new OpdSuccessionRecord();
        row.fromCode = from;
        row.intoCode = into;
        row.intoName = "Dinas " + into;
        row.intoLiaison = liaison;
        row.effectiveOn = LocalDate.of(2027, 1, 4);
        row.eventId = UUID.randomUUID();
        return row;
    }

    @Test
    void anOpdNotMergedHasNoSuccessor() {
        assertThat(new Mergers(List.of(merged("A", "B", null))).successorOf("C")).isNull();
    }

    @Test
    void theChainIsFollowedToWhoeverHoldsTheWorkNow() {
        Mergers mergers = new Mergers(List.of(merged("A", "B", null), merged("B", "C", "L")));
        assertThat(mergers.successorOf("A").code()).isEqualTo("C");
        assertThat(mergers.successorOf("A").liaison()).isEqualTo("L");
        assertThat(mergers.successorOf("A").name()).isEqualTo("Dinas C");
        assertThat(mergers.successorOf("B").code()).isEqualTo("C");
    }

    @Test
    void aCycleInBadDataEndsAfterTheLongestChainAllowed() {
        Mergers mergers = new Mergers(List.of(merged("A", "B", null), merged("B", "A", null)));
        // MAX_CHAIN (10) steps from A, alternating B and A: the tenth lands on A.
        assertThat(OpdSuccessionRepository.MAX_CHAIN).isEqualTo(10);
        assertThat(mergers.successorOf("A").code()).isEqualTo("A");
        assertThat(mergers.successorOf("B").code()).isEqualTo("B");
    }
}
