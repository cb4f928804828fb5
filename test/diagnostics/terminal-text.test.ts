/**
 * User text made harmless for a terminal: control and bidi characters written as JSON escapes,
 * everything else (and JSON's own escapes) left as it is.
 */
import { describe, expect, it } from "vitest";
import { terminalLine, terminalLines, terminalText } from "../../generators/diagnostics/terminal-text.ts";

describe("terminalText", () => {
  it("writes C0 controls as JSON does", () => {
    expect(terminalText("a\u0000b\u001b[2Jc\rd\be\u0007f\nf\tg\fh")).toBe("a\\u0000b\\u001b[2Jc\\rd\\be\\u0007f\\nf\\tg\\fh");
  });

  it("writes DEL, C1 controls and bidi overrides and isolates, which JSON leaves raw, in the same \\u form", () => {
    expect(terminalText("\u007f\u0080\u009b\u009f")).toBe("\\u007f\\u0080\\u009b\\u009f");
    expect(terminalText("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")).toBe(
      "\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069",
    );
  });

  it("writes the bidi marks and the line and paragraph separators in the same \\u form", () => {
    expect(terminalText("a\u200eb\u200fc\u061cd\u2028e\u2029f")).toBe("a\\u200eb\\u200fc\\u061cd\\u2028e\\u2029f");
  });

  it("leaves printable text alone: accents, CJK, emoji, quotes and backslashes", () => {
    const text = 'café 東京 🚀 "quoted" C:\\path ‐–—…';
    expect(terminalText(text)).toBe(text);
  });

  it("does not escape again what JSON.stringify escaped", () => {
    const quoted = JSON.stringify("key\u001b[31m\u202e");
    expect(quoted).toBe('"key\\u001b[31m\u202e"');
    expect(terminalText(quoted)).toBe('"key\\u001b[31m\\u202e"');
    expect(terminalText(terminalText(quoted))).toBe(terminalText(quoted));
  });

  it("leaves nothing a terminal would act on", () => {
    const every = Array.from({ length: 0x2070 }, (_, code) => String.fromCharCode(code)).join("");
    expect(terminalText(every)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/);
  });
});

describe("terminalLine", () => {
  it("keeps tabs, which indent the line, and escapes the rest", () => {
    expect(terminalLine("\t\tname: \"\u001b\u202e\",\r")).toBe('\t\tname: "\\u001b\\u202e",\\r');
  });
});

describe("terminalLines", () => {
  it("keeps line breaks and tabs between escaped lines", () => {
    expect(terminalLines("-\told\u001b\n+\tnew\u202e")).toBe("-\told\\u001b\n+\tnew\\u202e");
  });
});
