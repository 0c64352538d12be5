import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;

/**
 * The reference side of the differential test: java.util.regex full match.
 *
 * Reads lines from standard input: "P" + base64(UTF-8 pattern) compiles a pattern and
 * answers "ok" or "error <message>"; "V" + base64(UTF-8 value) answers "1" or "0", whether
 * the last pattern matches the whole value, followed by "?" when the value holds a code
 * point this JDK's Unicode tables do not assign (Java 17 has Unicode 13); "-" after a
 * pattern it rejected.
 */
public class Differential {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, false, "UTF-8");
        Base64.Decoder base64 = Base64.getDecoder();
        Pattern pattern = null;
        String line;
        while ((line = in.readLine()) != null) {
            String text = new String(base64.decode(line.substring(1)), StandardCharsets.UTF_8);
            if (line.charAt(0) == 'P') {
                try {
                    pattern = Pattern.compile(text);
                    out.println("ok");
                } catch (Exception e) {
                    pattern = null;
                    out.println("error " + e.getMessage().split("\n")[0]);
                }
            } else if (pattern == null) {
                out.println("-");
            } else {
                Matcher m = pattern.matcher(text);
                boolean unknown = text.codePoints().anyMatch(cp -> Character.getType(cp) == Character.UNASSIGNED);
                out.println((m.matches() ? "1" : "0") + (unknown ? "?" : ""));
            }
        }
        out.flush();
    }
}
