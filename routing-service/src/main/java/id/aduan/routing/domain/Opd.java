package id.aduan.routing.domain;

/** An OPD that can be assigned complaints. */
public record Opd(String code, String name) {
}
