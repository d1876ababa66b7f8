#!/usr/bin/env python3
"""Writes the malformed-input corpus fixtures/malformed/*.flex: broken scripts that must each make
`flex run` exit 2 with a located diagnostic (MalformedInputTests checks them). Rerunning rewrites
the same files. The huge cases (100,000-deep brackets, a 10 MB line) are made by the test itself.
A candidate is kept only if the built flex (argument 1) exits 2 with a `-->` line and a caret on
it; anything else is printed so it can be looked at (a crash is a bug to fix, not to drop)."""
import os, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = os.path.join(root, "fixtures", "malformed")
cases = {}

def case(name, text):
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    cases[name] = data

# Truncated strings and escapes.
for i, s in enumerate(['"abc', '"a\\', '"${x', '"${', '"a${s.id', '"\\u{1F60', '"\\u{', '"\\q"', '"\\u{110000}"',
                       '"\\u{D800}"', '"\\u{}"', '"\\u{zz}"', '"${"a"', '"a\nb"', '"${1 +}"', '"${}"']):
    case(f"string-{i:02}", f"let s = {s}\n")
    case(f"string-print-{i:02}", f"print 1, {s}\n")
case("string-at-eof", 'print "no end')
case("string-in-clause", 'customer create email "a@b.co name "x"\n')
case("string-in-list", 'let l = ["a", "b]\n')
# Unclosed and mismatched brackets.
brackets = ["[1, 2", "(1 + 2", "{a: 1", "[1, (2, 3]", "(1]", "[1)", "{a: [1}", "f(1", "f(1,", "[", "(", "{",
            "]", ")", "}", "[[[[", "((((1)))", "{a: {b: {c: 1}}", "[1, 2,,]", "(,)", "{,}", "{a 1}", "{: 1}", "[1 2]"]
for i, b in enumerate(brackets):
    case(f"bracket-{i:02}", f"let x = {b}\n")
    case(f"bracket-print-{i:02}", f"print {b}\nprint 2\n")
case("bracket-block-unclosed", "if true {\n  print 1\n")
case("bracket-def-unclosed", "def f(a, b {\n  return a\n}\n")
case("bracket-for-unclosed", "for x in [1, 2] {\n print x\n")
case("bracket-repeat-unclosed", "repeat 3 {\n")
case("bracket-scenario-unclosed", 'scenario "a" {\n print 1\n')
case("bracket-extra-close", "print 1\n}\n")
# Stray bytes and characters.
for i, c in enumerate(["@", "`", "~", "^", "&", "|", "%", "?", "!", "\\", "'", "§", "€", "😀", "\x01", "\x07", "\x1b",
                       "\x7f", "\u00a0", "\u200b", "\ufeff", "\u2028"]):
    case(f"stray-{i:02}", f"let x = 1 {c} 2\n")
case("stray-line-start", "@print 1\n")
case("stray-after-command", "customer create email \"a@b.co\" @\n")
case("stray-cr-only", "let x = 1\rlet y = \n")
case("stray-tab-indent", "\tlet x =\n")
case("stray-dollar", "let x = $\n")
case("stray-dollar-word", "let x = $abc\n")
# Invalid UTF-8 and NUL bytes.
bad = [b"\xff", b"\xfe", b"\xc3", b"\xc0\xaf", b"\xe2\x82", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xf8\x88\x80\x80\x80",
       b"\x80", b"\xbf", b"\xe0\x80\x80", b"\xf0\x80\x80\x80"]
for i, b in enumerate(bad):
    case(f"utf8-bare-{i:02}", b"let x = 1 " + b + b"\n")
    case(f"utf8-string-{i:02}", b'let s = "a' + b + b'"\n')
    case(f"utf8-ident-{i:02}", b"let a" + b + b" = 1\n")
case("utf8-comment-then-error", b"# caf\xc3\n let = 2\n")
case("utf8-truncated-at-eof", b"print 1\nprint \xe2\x82")
for i, prefix in enumerate([b"\x00", b"let x = \x00", b'let s = "\x00"\nlet = 1', b"print 1\x00\n", b"let x\x00 = 1\n",
                            b"customer create email \x00\n", b"\x00\x00\x00\x00", b"# \x00 comment\nlet = 1\n"]):
    case(f"nul-{i:02}", prefix + b"\n")
# Huge numbers, money and durations.
nums = ["9223372036854775808", "99999999999999999999999999", "-9223372036854775809 - 1", "$92233720368547758.08",
        "$999999999999999999999", "$1.999", "$1.", "$.5", "$1.2.3", "1..2", "0x10", "1e10", "1_000", "007a",
        "99999999999999999999d", "9223372036854775807s", "99999999999999999999999999999999999999999999999.5",
        "1" * 400, "$" + "9" * 400, "12abc", "3 4", "- - -", "1 +", "* 2", "2 * / 3"]
for i, n in enumerate(nums):
    case(f"number-{i:02}", f"let x = {n}\n")
case("number-price-huge", 'let p = product "P" eligible price $99999999999999999999.99\n')
case("number-quantity-huge", 'let p = product "P" eligible price $1\nlet s = checkout items [p x99999999999999999999] success "https://x.co"\n')
case("number-repeat-huge", "repeat 99999999999999999999 { print 1 }\n")
case("number-clock-huge", "clock advance 999999999999999999999d\n")
case("number-index-huge", "let l = [1]\nprint l[99999999999999999999]\n")
# Wrong clauses, commands and arity.
wrong = ['customer create emial "a@b.co"', 'customer create email "a@b.co" email "b@c.co"', "customer create email",
         'customer create name 5 email', 'customer frobnicate', "customers list limit", 'product "P" price',
         'product "P" eligible not_eligible price $1', "product", 'price create', 'checkout items success "https://x"',
         'checkout items [] success', "checkout items [fprice_x x0 x1]", 'pay', "pay fcs_x with", "pay fcs_x with card",
         'pay fcs_x with card "4242" hsa fsa', "expire", "clock advance", "clock set", "clock advance 5 apples",
         "fail next requests with", "fail next 2 requests with 500 code", "decline next charges with", "events type",
         "sim seed", "sim snapshot", "sim restore", "sim frobnicate", "refund", "refund fpi_x amount",
         "charge customer", "charge customer fcus_x with", "api", "api GET", "api FETCH \"/v1/x\"", 'customer get',
         'customer update fcus_x', 'customer create email "a" fields', "customer create email \"a\" +"]
for i, w in enumerate(wrong):
    case(f"clause-{i:02}", w + "\n")
# Statements in the wrong shape.
stmts = ["let = 5", "let 5 = 5", "let x", "let x =", "x =", "= 1", "def (x) { return x }", "def f x { }", "def f(x, x) { }",
         "def f(1) { }", "repeat { print 1 }", "repeat 3", "for in [1] { }", "for x [1] { }", "for x in { }", "if { }",
         "if true", "else { }", "if true { } else", "if true { } else if { }", "expect", "expect 1 else", "expect error",
         "expect error: ", "wait until", "wait until true every", "wait until true timeout", "include", "include 5",
         'include "nope-does-not-exist.flex"', "scenario { }", 'scenario "a"', "return 1 2", "print", "show", "print 1,",
         "let let = 1", "let if = 2", "def let() { }", "let fcus_x = 1", "x.y.", "x[", "x[1", "f(", "not", "1 ==", "== 1",
         "a and", "or b", "1 contains", "\"a\" matches", "1 in", "let x = 1; let", ";;;; let", "\\", "let x = 1 \\",
         "print undefined_name", "nope(1)", "len()", "len(1, 2, 3)", "range()", "let x = 1\nx.y = 2",
         'scenario "a" { scenario "b" { } }', 'scenario "a" { }\nscenario "a" { }', "def f() { include \"x.flex\" }"]
for i, s in enumerate(stmts):
    case(f"statement-{i:02}", s + "\n")
# Errors deep in otherwise fine files, so the location is not always 1:1.
for i, (good, broken) in enumerate([("let a = 1\nlet b = 2\n", "let c = [\n"), ("print 1\n" * 50, "print (\n"),
                                    ("# comment\n" * 9, "  let = 3\n"), ("let s = \"x\"\n", "print \"${s\n")]):
    case(f"late-{i:02}", good + broken + "print 3\n")
# Truncations of real scripts at every 7th byte where they stop parsing.
sources = []
for directory in ("examples",):
    for name in sorted(os.listdir(os.path.join(root, directory))):
        if name.endswith(".flex"):
            sources.append((name[:-5], open(os.path.join(root, directory, name), "rb").read()))
for name, data in sources:
    for cut in range(40, len(data), max(1, len(data) // 6)):
        piece = data[:cut]
        if piece.count(b"\"") % 2 == 1 or piece.count(b"[") > piece.count(b"]") or piece.count(b"{") > piece.count(b"}") \
                or piece.count(b"(") > piece.count(b")"):
            case(f"truncated-{name}-{cut}", piece)

flex = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, ".build", "debug", "flex")
os.makedirs(out, exist_ok=True)
for old in os.listdir(out):
    if old.endswith(".flex"):
        os.remove(os.path.join(out, old))
kept = 0
for name, data in sorted(cases.items()):
    path = os.path.join(out, name + ".flex")
    with open(path, "wb") as f:
        f.write(data)
    rel = os.path.relpath(path, root)
    result = subprocess.run([flex, "run", "--diagnostics", "full", rel], cwd=root, capture_output=True, timeout=30)
    err = result.stderr.decode("utf-8", "replace")
    located = any(line.lstrip().startswith("--> " + rel + ":") for line in err.splitlines())
    caret = any(line.strip().startswith("|") and "^" in line for line in err.splitlines())
    if result.returncode == 2 and located and caret:
        kept += 1
    else:
        os.remove(path)
        level = "CRASH" if result.returncode < 0 or result.returncode >= 128 else "dropped"
        print(f"{level}: {name} exit {result.returncode}: {err.strip().splitlines()[:1]}")
print(f"kept {kept} of {len(cases)} in {os.path.relpath(out, root)}")
