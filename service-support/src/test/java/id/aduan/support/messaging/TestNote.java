package id.aduan.support.messaging;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The test app's one entity (Hibernate Reactive starts only with one); the tests write native SQL only. */
@Entity
@Table(name = "outbox_event")
public class TestNote extends PanacheEntityBase {

    @Id
    public java.util.UUID id;
}
