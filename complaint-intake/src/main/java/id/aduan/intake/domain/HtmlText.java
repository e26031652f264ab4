package id.aduan.intake.domain;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/** Citizens' text without HTML: tags and scripts gone, entities read, line breaks kept. */
public final class HtmlText {

    private static final Document.OutputSettings PLAIN = new Document.OutputSettings().prettyPrint(false);
    private static final Pattern SCRIPTS = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1\\s*>");

    private HtmlText() {
    }

    public static String strip(String text) {
        if (text == null || (text.indexOf('<') < 0 && text.indexOf('&') < 0)) {
            return text;
        }
        String withoutScripts = SCRIPTS.matcher(text).replaceAll(" ");
        return Parser.unescapeEntities(Jsoup.clean(withoutScripts, "", Safelist.none(), PLAIN), false);
    }
}
