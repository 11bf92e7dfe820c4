# SPDX-License-Identifier: EUPL-1.2
"""The examples of a Markdown page: its fenced blocks and tables, each with the `check:` comment
in front of it (if any) and the line it starts on.

A marker is one HTML comment on the line just before a block or a table (blank lines between
are fine, words are not):
    <!-- check: KIND word … key=value … -->
    <!-- not checked: why -->
"""
import re
import shlex

MARKER = re.compile(r"^\s*<!--\s*(check|not checked):\s*(.*?)\s*-->\s*$")
FENCE = re.compile(r"^(\s*)```(.*)$")


class Marker:
    def __init__(self, line, text, checked):
        self.line = line
        self.text = text
        self.checked = checked
        words = shlex.split(text) if checked else []
        self.options = {}
        self.words = []
        for word in words:
            key, equals, value = word.partition("=")
            if equals and re.fullmatch(r"[a-z-]+", key):
                self.options[key] = value
            else:
                self.words.append(word)
        self.kind = self.words[0] if self.words else ""
        self.args = self.words[1:]

    def __repr__(self):
        return f"<!-- check: {self.text} -->"


class Block:
    """A fenced block: `line` is its first line of content (1-based)."""

    def __init__(self, page, line, info, lines, marker):
        self.page = page
        self.line = line
        self.info = info
        self.lines = lines
        self.text = "\n".join(lines)
        self.marker = marker
        self.used = False  # taken by the example before it (an HTTP answer)

    def where(self, offset=0):
        return f"{self.page.name}:{self.line + offset}"


class Table:
    def __init__(self, page, line, rows, marker):
        self.page = page
        self.line = line
        self.rows = rows  # (line, [cells]) below the header and its rule
        self.marker = marker
        self.used = False

    def where(self, offset=0):
        return f"{self.page.name}:{self.line + offset}"


def cells_of(row):
    """The cells of a table row; `\\|` is a literal bar."""
    text = row.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", text)]


class Page:
    def __init__(self, path, name):
        self.path = path
        self.name = name
        with open(path, encoding="utf-8") as f:
            self.source = f.read().split("\n")
        self.items = []  # blocks and tables, in order
        self.page_marker = None
        self.stray = []
        self._parse()

    def _parse(self):
        marker = None
        index = 0
        lines = self.source
        while index < len(lines):
            line = lines[index]
            found = MARKER.match(line)
            if found:
                marker = Marker(index + 1, found.group(2), found.group(1) == "check")
                if marker.kind == "page":
                    self.page_marker = marker
                    marker = None
                index += 1
                continue
            fence = FENCE.match(line)
            if fence:
                indent = len(fence.group(1))
                body = []
                index += 1
                start = index + 1
                while index < len(lines) and not re.match(r"^\s*```\s*$", lines[index]):
                    body.append(lines[index][indent:])
                    index += 1
                self.items.append(Block(self, start, fence.group(2).strip(), body, marker))
                marker = None
                index += 1
                continue
            if line.startswith("|") and index + 1 < len(lines) and re.match(
                    r"^\|[-| :]+\|$", lines[index + 1].strip()):
                start = index + 1
                rows = []
                index += 2
                while index < len(lines) and lines[index].startswith("|"):
                    rows.append((index + 1, cells_of(lines[index])))
                    index += 1
                self.items.append(Table(self, start, rows, marker))
                marker = None
                continue
            if line.strip() and marker is not None:
                self.stray.append(marker)  # a marker stands right before its block or table
                marker = None
            index += 1
