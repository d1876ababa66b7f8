#!/usr/bin/env python3
"""Writes flex's man pages (flex.1, flex.run.1, flex.serve.1, ...) from the command definitions.

Reads swift-argument-parser's own description of the command tree, `flex --experimental-dump-help`
(the JSON that its generate-manual tool reads too), and renders one man(7) page per command, the
way generate-manual's --multi-page does. Used by scripts/install.sh: the plugin route would build
every product again with other flags, which costs a full release rebuild per install.
usage: generate-man.py FLEX OUTPUT_DIRECTORY DATE
"""
import json
import subprocess
import sys


def escape(text):
    """Text safe in a man page: backslashes, and no line starting as a request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(("\\&" + line) if line.startswith((".", "'")) else line for line in text.split("\n"))


def option_label(argument):
    if argument["kind"] == "positional":
        return "\\fI" + argument.get("valueName", "value") + "\\fR" + ("..." if argument.get("isRepeating") else "")
    names = []
    for name in argument.get("names", []):
        prefix = "-" if name["kind"] == "short" else "--"
        names.append("\\fB" + escape(prefix + name["name"]) + "\\fR")
    label = ", ".join(names)
    if argument["kind"] == "option":
        label += " \\fI" + argument.get("valueName", "value") + "\\fR"
    return label


def visible(items):
    return [item for item in items if item.get("shouldDisplay", True)]


def synopsis(full_name, command):
    parts = ["\\fB" + full_name + "\\fR"]
    for argument in visible(command.get("arguments", [])):
        label = option_label(argument).split(", ")[-1]
        parts.append(("[" + label + "]") if argument.get("isOptional") else label)
    if visible(command.get("subcommands", [])):
        parts.append("\\fIsubcommand\\fR")
    return " ".join(parts)


def page(command, date):
    full_name = " ".join((command.get("superCommands") or []) + [command["commandName"]])
    title = full_name.replace(" ", ".")
    lines = [
        '.TH "%s" 1 "%s" "flex" "General Commands Manual"' % (title.upper(), date),
        ".SH NAME",
        "%s \\- %s" % (escape(full_name), escape(command.get("abstract", ""))),
        ".SH SYNOPSIS",
        synopsis(escape(full_name), command),
    ]
    if command.get("discussion"):
        lines += [".SH DESCRIPTION", escape(command["discussion"])]
    arguments = visible(command.get("arguments", []))
    if arguments:
        lines.append(".SH OPTIONS")
        for argument in arguments:
            text = escape(argument.get("abstract", ""))
            if "defaultValue" in argument:
                text += " (default: %s)" % escape(argument["defaultValue"])
            lines += [".TP", option_label(argument), text]
    subcommands = [sub for sub in visible(command.get("subcommands", [])) if sub["commandName"] != "help"]
    if subcommands:
        lines.append(".SH SUBCOMMANDS")
        for sub in subcommands:
            lines += [".TP", "\\fB" + sub["commandName"] + "\\fR", escape(sub.get("abstract", ""))]
        lines += [".SH SEE ALSO", ", ".join("\\fB%s.%s\\fR(1)" % (title, sub["commandName"]) for sub in subcommands)]
    return title, "\n".join(lines) + "\n"


def pages(command, date):
    yield page(command, date)
    for sub in visible(command.get("subcommands", [])):
        if sub["commandName"] != "help":
            yield from pages(sub, date)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().splitlines()[-1])
    flex, directory, date = sys.argv[1:]
    dump = subprocess.run([flex, "--experimental-dump-help"], check=True, capture_output=True, text=True).stdout
    tool = json.loads(dump)
    if tool.get("serializationVersion") != 0:
        sys.exit("generate-man: unknown dump format version %r" % tool.get("serializationVersion"))
    for title, text in pages(tool["command"], date):
        with open("%s/%s.1" % (directory, title), "w", encoding="utf-8") as out:
            out.write(text)


if __name__ == "__main__":
    main()
