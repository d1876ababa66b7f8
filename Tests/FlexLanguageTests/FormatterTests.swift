// The formatter's layout rules, one test per rule and per comment position; every case is also checked for idempotence and an unchanged tree.
import Testing
@testable import FlexLanguage

@Suite struct FormatterTests {
    /// Formats `input`, expects `expected`, and checks that formatting again changes nothing and
    /// that the tree is the one the input had.
    func expectFormat(_ input: String, _ expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let formatted = Formatter.format(text: input)
        #expect(formatted == expected, sourceLocation: sourceLocation)
        guard let formatted else { return }
        #expect(Formatter.format(text: formatted) == formatted, "not idempotent", sourceLocation: sourceLocation)
        #expect(SyntaxShape.of(text: formatted) == SyntaxShape.of(text: input), "tree changed", sourceLocation: sourceLocation)
    }

    // MARK: - Spacing

    @Test func binaryOperatorsGetOneSpaceEachSide() {
        expectFormat("let a=1+2*3\nexpect a>=7   and a!=8\n", "let a = 1 + 2 * 3\nexpect a >= 7 and a != 8\n")
    }

    @Test func unaryMinusSticksToItsOperandAndBinaryMinusDoesNot() {
        expectFormat("let a = - 1\nlet b = a-1\nlet c = -(a - b)\nlet d = [1, - a]\n",
                     "let a = -1\nlet b = a - 1\nlet c = -(a - b)\nlet d = [1, -a]\n")
    }

    @Test func aClauseValueIsUnaryEvenWhenWrittenApart() {
        // A clause takes no binary operator without parentheses, so `amount - $5` is `amount -$5`.
        expectFormat("refund fcs_x amount - $5\nexpect 1 -$5 == 0\n", "refund fcs_x amount -$5\nexpect 1 - $5 == 0\n")
    }

    @Test func callsAndIndexesAreGluedAndGroupingParenthesesAreNot() {
        expectFormat("let l = [1,2 ,3]\nprint len ( l ), l [0], (l)[1]\nexpect (len(l)) == 3\n",
                     "let l = [1, 2, 3]\nprint len(l), l[0], (l)[1]\nexpect (len(l)) == 3\n")
    }

    @Test func memberAccessHasNoSpaces() {
        expectFormat("let r = {a: {b: 1}}\nexpect r . a . b == 1\n", "let r = {a: {b: 1}}\nexpect r.a.b == 1\n")
    }

    @Test func recordsAreTightAndBlocksAreSpaced() {
        expectFormat("let r = { a : 1 , \"b c\" :2 }\nif true {print r}\nif false {}\n",
                     "let r = {a: 1, \"b c\": 2}\nif true { print r }\nif false {}\n")
    }

    @Test func itemListsKeepQuantities() {
        expectFormat("let p = product \"t\" eligible price $5\nlet s = checkout items [ p x2 ,p x 3 ]\n",
                     "let p = product \"t\" eligible price $5\nlet s = checkout items [p x2, p x 3]\n")
    }

    @Test func semicolonsAndColonsHaveNoSpaceBefore() {
        expectFormat("let a = 1 ; let b = 2\nexpect error : print missing\n",
                     "let a = 1; let b = 2\nexpect error: print missing\n")
    }

    @Test func stringsAreKeptByteForByte() {
        expectFormat("let a = 1\nprint   \"  x ${ a+1 }  \\t\"\nprint \"two\n  lines\"\n",
                     "let a = 1\nprint \"  x ${ a+1 }  \\t\"\nprint \"two\n  lines\"\n")
    }

    @Test func aNumberBeforeADotKeepsItsSpace() {
        expectFormat("let n = 5 .x\n", "let n = 5 .x\n")
    }

    // MARK: - Indentation and lines

    @Test func blocksIndentByFourSpaces() {
        expectFormat("def f(x) {\nif x > 1 {\n  return x\n      } else {\nreturn 0\n}\n}\nprint f(2)\n",
                     "def f(x) {\n    if x > 1 {\n        return x\n    } else {\n        return 0\n    }\n}\nprint f(2)\n")
    }

    @Test func bracketsOpenedOnOneLineIndentTheirContentsOnce() {
        expectFormat("let r = {\n  a: [1,\n        2],\n  b: f([\n3\n])\n}\ndef f(l) { return l }\n",
                     "let r = {\n    a: [1,\n        2],\n    b: f([\n        3\n    ])\n}\ndef f(l) { return l }\n")
    }

    @Test func lineBreaksInsideBracketsAreKept() {
        expectFormat("print len(\n  [1, 2]\n)\n", "print len(\n    [1, 2]\n)\n")
    }

    @Test func continuationLinesIndentOneLevel() {
        expectFormat("let a = 1 +\\\n2 + \\\n      3\nprint a\n", "let a = 1 + \\\n    2 + \\\n    3\nprint a\n")
    }

    @Test func aBlankLineAfterAContinuationStays() {
        // The `\` joins the blank line, whose newline ends the statement: two statements, which
        // joining `print 2` to the continued line would make one (a finding of fuzz-fmt).
        expectFormat("print 1 \\\n\nprint 2\n", "print 1 \\\n\nprint 2\n")
        expectFormat("let l = 1 \\ # [\n\nl / 2\n", "let l = 1 \\ # [\n\nl / 2\n")
    }

    @Test func aCommentEndingInABracketIsNoOpener() {
        expectFormat("print 1 # [\n\nprint 2\n", "print 1 # [\n\nprint 2\n")
    }

    @Test func blankLineRunsCollapseToOneAndVanishAtTheEdges() {
        expectFormat("\n\nlet a = 1\n\n\n\nlet b = 2\nif a {\n\n  print a\n\n}\n\n\n",
                     "let a = 1\n\nlet b = 2\nif a {\n    print a\n}\n")
    }

    @Test func trailingBlanksTabsAndCRLFGo() {
        expectFormat("let a = 1   \r\n\tprint a\t\r\n", "let a = 1\nprint a\n")
    }

    @Test func theFileEndsWithOneLineBreak() {
        expectFormat("print 1", "print 1\n")
        expectFormat("", "")
        expectFormat("\n\n", "")
    }

    @Test func elseOnItsOwnLineStays() {
        expectFormat("if true {\nprint 1\n}\nelse {\nprint 2\n}\n", "if true {\n    print 1\n}\nelse {\n    print 2\n}\n")
    }

    @Test func aByteOrderMarkIsDropped() {
        expectFormat("\u{FEFF}print 1\n", "print 1\n")
    }

    // MARK: - Comments

    @Test func anEndOfLineCommentStaysOnItsLineAfterOneSpace() {
        // The comment's own text is kept as written (`#two` stays; so do `#!` and `#----` rules).
        expectFormat("print 1      # one\nprint 2#two   \n", "print 1 # one\nprint 2 #two\n")
    }

    @Test func anOwnLineCommentIsIndentedLikeTheStatementAfterIt() {
        expectFormat("if true {\n# before\n      print 1\n         # last in block\n}\n",
                     "if true {\n    # before\n    print 1\n    # last in block\n}\n")
    }

    @Test func theShebangAndHeaderCommentsStay() {
        expectFormat("#!/usr/bin/env -S flex run\n# header\n\n\n\nprint 1\n", "#!/usr/bin/env -S flex run\n# header\n\nprint 1\n")
    }

    @Test func commentsInsideBracketsStayWhereTheyWere() {
        expectFormat("let l = [1, # first\n  # own line\n  2]\n", "let l = [1, # first\n    # own line\n    2]\n")
    }

    @Test func aCommentAfterAContinuationStays() {
        expectFormat("let a = 1 + \\   # why\n2\n", "let a = 1 + \\ # why\n    2\n")
    }

    @Test func aCommentAtTheEndOfTheFileStays() {
        expectFormat("print 1\n\n# the end", "print 1\n\n# the end\n")
    }

    @Test func aFileOfOnlyCommentsKeepsThem() {
        expectFormat("  # a\n\n\n  # b\n", "# a\n\n# b\n")
    }

    @Test func blankLinesAroundCommentsCollapseLikeCode() {
        expectFormat("print 1\n\n\n# about two\nprint 2\n", "print 1\n\n# about two\nprint 2\n")
    }

    // MARK: - Refusals

    @Test func aScriptThatDoesNotParseIsNotFormatted() {
        #expect(Formatter.format(text: "let = 1\n") == nil)
        #expect(Formatter.format(text: "print (1\n") == nil)
        #expect(Formatter.format(text: "let a = 1 + \\") == nil)
        let file = SourceFile(id: FileID(rawValue: 0), path: "bad.flex", text: "print !1\n")
        guard case .failure(let failure) = Formatter.format(file) else {
            Issue.record("a lexer error was formatted")
            return
        }
        #expect(failure.diagnostics.first?.message == "unexpected character '!'")
    }
}
