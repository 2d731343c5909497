// The test oracle: java.util.regex itself. Reads one request a line on stdin,
// `<hex pattern> <hex probe> <hex probe> ...` (UTF-16 code units, 4 hex digits each, so
// lone surrogates survive), and answers one line:
// `!<message>` when Java rejects the pattern, else one character per probe:
// `1` when Pattern.compile(pattern).matcher(probe).find(), `0` when not, `X` when Java failed
// (e.g. StackOverflowError). Run as a single-file program: `java JavaOracle.java`.

import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.regex.*;

public class JavaOracle {
    static String unhex(String s) {
        char[] c = new char[s.length() / 4];
        for (int i = 0; i < c.length; i++) c[i] = (char) Integer.parseInt(s.substring(4 * i, 4 * i + 4), 16);
        return new String(c);
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        String line;
        while ((line = in.readLine()) != null) {
            String[] parts = line.split(" ", -1);
            Pattern p;
            try {
                p = Pattern.compile(unhex(parts[0]));
            } catch (PatternSyntaxException e) {
                out.println("!" + e.getDescription().replace('\n', ' '));
                continue;
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i < parts.length; i++) {
                try {
                    sb.append(p.matcher(unhex(parts[i])).find() ? '1' : '0');
                } catch (Throwable t) {
                    sb.append('X');
                }
            }
            out.println(sb);
        }
        out.flush();
    }
}
