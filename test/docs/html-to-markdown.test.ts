// AWS documentation HTML → Markdown, compared whole.
//
//   htmlToMarkdown("<p>a <code>B_C</code></p>") → "a `B_C`"

import { describe, expect, it } from "vitest";
import { htmlToMarkdown } from "../../generator/docs/html-to-markdown.js";
import { commonMarkToDoc } from "../../generator/docs/markdown.js";

describe("htmlToMarkdown", () => {
  it("keeps identifiers' underscores (no USERSRPAUTH, no USER\\_SRP\\_AUTH)", () => {
    expect(
      htmlToMarkdown("<p>For <code>USER_SRP_AUTH</code>, pass <code>SRP_A</code> and <code>SECRET_HASH</code>.</p>"),
    ).toBe("For `USER_SRP_AUTH`, pass `SRP_A` and `SECRET_HASH`.");
    expect(htmlToMarkdown("<p>Set email_verified for USER_SRP_AUTH flows.</p>")).toBe(
      "Set email_verified for USER_SRP_AUTH flows.",
    );
  });

  it("separates paragraphs by one blank line and collapses AWS indentation", () => {
    const html = `<p>The authentication flow for this call to run. The API action will depend on this
            value. For example:</p>
         <p>
            <code>REFRESH_TOKEN_AUTH</code>   takes in a valid refresh token.</p>


         <p></p>
         <p>Last.</p>`;
    expect(htmlToMarkdown(html)).toBe(
      [
        "The authentication flow for this call to run. The API action will depend on this value. For example:",
        "",
        "`REFRESH_TOKEN_AUTH` takes in a valid refresh token.",
        "",
        "Last.",
      ].join("\n"),
    );
  });

  it("treats text without tags as one paragraph", () => {
    expect(htmlToMarkdown("  The app client ID.\n  ")).toBe("The app client ID.");
  });

  it("uses a longer fence for code containing backticks", () => {
    expect(htmlToMarkdown("<p>Quote with <code>a`b</code> and <code>`x</code>.</p>")).toBe(
      "Quote with ``a`b`` and `` `x ``.",
    );
  });

  it("renders a nested ul inside an ol with indentation and numbering", () => {
    const html = `<p>Steps:</p>
         <ol>
            <li>
               <p>Call <code>InitiateAuth</code> with:</p>
               <ul>
                  <li><p><code>USERNAME</code></p></li>
                  <li><p><code>SRP_A</code></p>
                     <ul><li>deeper</li></ul>
                  </li>
               </ul>
            </li>
            <li><p>Answer the challenge.</p></li>
         </ol>
         <ol start="9"><li>nine</li><li>ten<ul><li>x</li></ul></li></ol>`;
    expect(htmlToMarkdown(html)).toBe(
      [
        "Steps:",
        "",
        "1. Call `InitiateAuth` with:",
        "   - `USERNAME`",
        "   - `SRP_A`",
        "     - deeper",
        "2. Answer the challenge.",
        "",
        "9. nine",
        "10. ten",
        "    - x",
      ].join("\n"),
    );
  });

  it("makes a list loose when an item holds two paragraphs", () => {
    expect(htmlToMarkdown("<ul><li><p>a</p><p>b</p></li><li>c</li></ul>")).toBe(
      ["- a", "", "  b", "", "- c"].join("\n"),
    );
  });

  it("renders links, and their text only without href", () => {
    const html =
      '<p>See <a href="https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html">the\n   <code>USER_SRP_AUTH</code> flow</a>, <a>plain text</a>, <a href="https://example.com/a b(c)"></a>.</p>';
    expect(htmlToMarkdown(html)).toBe(
      "See [the `USER_SRP_AUTH` flow](https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html), plain text, <https://example.com/a%20b%28c%29>.",
    );
  });

  it("renders b/strong as ** and i/em as _ (or * inside a word)", () => {
    expect(
      htmlToMarkdown("<p>In the <b>Attributes</b> tab, <strong>never</strong> <i>ever</i> <em>do</em> un<i>do</i>ne. <b> spaced </b>x</p>"),
    ).toBe("In the **Attributes** tab, **never** _ever_ _do_ un*do*ne. **spaced** x");
  });

  it("decodes entities", () => {
    expect(htmlToMarkdown("<p>a &lt; b &amp;&amp; c &gt; d &quot;q&quot; &#39;s&#39; x&nbsp;y &#65;&#x42; &lt;code&gt;</p>")).toBe(
      "a < b && c > d \"q\" 's' x y AB \\<code>",
    );
  });

  it("renders note and important as paragraphs with a bold lead", () => {
    const html = `<note>
            <p>Amazon Cognito doesn't evaluate IAM policies for this operation.</p>
            <p>Second paragraph.</p>
         </note>
         <important>Keep <code>SECRET_HASH</code> secret.</important>
         <note><ul><li>listed</li></ul></note>`;
    expect(htmlToMarkdown(html)).toBe(
      [
        "**Note:** Amazon Cognito doesn't evaluate IAM policies for this operation.",
        "",
        "Second paragraph.",
        "",
        "**Important:** Keep `SECRET_HASH` secret.",
        "",
        "**Note:**",
        "",
        "- listed",
      ].join("\n"),
    );
  });

  it("renders dl as bold terms with definitions beneath", () => {
    const html = `<p>The following conditions apply:</p>
         <dl>
            <dt>email</dt>
            <dd>
               <p>The email address. Set <code>email_verified</code> to <code>true</code>.</p>
            </dd>
            <dt>phone_number</dt>
            <dd>The phone number.</dd>
         </dl>`;
    expect(htmlToMarkdown(html)).toBe(
      [
        "The following conditions apply:",
        "",
        "**email**",
        "",
        "The email address. Set `email_verified` to `true`.",
        "",
        "**phone_number**",
        "",
        "The phone number.",
      ].join("\n"),
    );
  });

  it("renders pre as a fenced block, dedented, keeping its lines", () => {
    const html = `<p>Example:</p>
         <pre><code class="language-json">
            {
              "AuthFlow": "USER_SRP_AUTH",


              "x": "a &lt; b"
            }
         </code></pre>
         <pre>has \`\`\` inside</pre>`;
    expect(htmlToMarkdown(html)).toBe(
      [
        "Example:",
        "",
        "```json",
        "{",
        '  "AuthFlow": "USER_SRP_AUTH",',
        "",
        "",
        '  "x": "a < b"',
        "}",
        "```",
        "",
        "````",
        "has ``` inside",
        "````",
      ].join("\n"),
    );
  });

  it("renders headings, br, fullname and unknown tags", () => {
    const html =
      "<fullname>Amazon Cognito</fullname><h2>Sign <i>in</i></h2><p>line one<br/>line two<br></p><p>Unknown <foo>bar</foo>.</p>";
    expect(htmlToMarkdown(html)).toBe(["## Sign _in_", "", "line one\\", "line two", "", "Unknown bar."].join("\n"));
  });

  it("keeps an unescaped email address in angle brackets as text (AWS writes this)", () => {
    const html = `<p>For example, <code>testuser@example.com</code> or <code>Test User
                <testuser@example.com></code>, not <testuser@example.com>.</p>`;
    expect(htmlToMarkdown(html)).toBe(
      "For example, `testuser@example.com` or `Test User <testuser@example.com>`, not \\<testuser@example.com>.",
    );
  });

  it("escapes Markdown only where the meaning would change", () => {
    const html =
      "<p>* not a list</p><p>1. not a list</p><p># not a heading</p><p>a * b, a*b*, _lead, x_y, \\w, [a](b), `tick`</p>";
    expect(htmlToMarkdown(html)).toBe(
      [
        "\\* not a list",
        "",
        "1\\. not a list",
        "",
        "\\# not a heading",
        "",
        "a * b, a\\*b\\*, \\_lead, x_y, \\w, [a\\](b), \\`tick\\`",
      ].join("\n"),
    );
  });

  it("gives the empty string for empty or whitespace-only input", () => {
    expect(htmlToMarkdown("")).toBe("");
    expect(htmlToMarkdown("  <p> </p>\n  ")).toBe("");
  });
});

describe("commonMarkToDoc", () => {
  it("normalises line endings and trailing whitespace, keeping hard breaks", () => {
    expect(commonMarkToDoc("\r\n# Title  \r\n\r\nLine one  \r\nline _two_\t\n\n```\ncode  \n```\n\n")).toBe(
      ["# Title", "", "Line one\\", "line _two_", "", "```", "code", "```"].join("\n"),
    );
  });
});
