package id.aduan.intake.chat;

/** A chat platform a complaint can come through; its code is the complaint's channel. */
public enum ChatChannel {
    TELEGRAM("telegram"),
    WHATSAPP("whatsapp");

    private final String code;

    ChatChannel(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
