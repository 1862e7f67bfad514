#!/usr/bin/env python3
"""htmlcheck.py - checks of the briefing page (vl-report briefing).

  htmlcheck.py check FILE      strict parse: every element closed in order,
                               ids unique, aria-labelledby resolves, every
                               chart an accessible image, nothing fetched
                               from outside the page; exit 1 on a problem
  htmlcheck.py ids FILE        "id<TAB>text" for every element with an id
  htmlcheck.py net NETLOG URL  from a Chromium --log-net-log file: every
                               request the page at URL made for something
                               other than itself; exit 1 if there is one

No third-party module: the parser is the standard library's html.parser.
"""
import json
import re
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}
# what a page that opens offline from a USB stick must never hold
FORBIDDEN_TAGS = {"script", "link", "iframe", "img", "object", "embed",
                  "frame", "audio", "video", "source", "base", "image", "use",
                  "foreignobject"}
FORBIDDEN_ATTRS = {"src", "href", "xlink:href", "srcset", "action",
                   "formaction", "background", "poster", "data"}
FORBIDDEN_TEXT = [r"https?://", r"@import", r"url\(", r"<[^>]*\son[a-z]+\s*="]
ENTITIES = {"amp", "lt", "gt", "quot", "#39"}


class Strict(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.stack = []
        self.problems = []
        self.ids = {}
        self.labelledby = []
        self.svgs = []          # [attrs, children tags in order]
        self.counts = {}
        self.text_of = {}       # id -> text collected
        self.open_ids = []      # (id, depth)

    def where(self):
        line, col = self.getpos()
        return "line %d:%d" % (line, col + 1)

    def problem(self, msg):
        self.problems.append("%s: %s" % (self.where(), msg))

    def handle_starttag(self, tag, attrs):
        self.start(tag, attrs, False)

    def handle_startendtag(self, tag, attrs):
        self.start(tag, attrs, True)

    def start(self, tag, attrs, closed):
        a = dict(attrs)
        if not self.in_svg():   # an <svg> has a <title> of its own
            self.counts[tag] = self.counts.get(tag, 0) + 1
        if tag in FORBIDDEN_TAGS:
            self.problem("<%s> would fetch or run something" % tag)
        for name, value in attrs:
            if name in FORBIDDEN_ATTRS:
                self.problem("%s=%r names something outside the page"
                             % (name, value))
            if value is None and name not in ("hidden",):
                self.problem("attribute %s without a value" % name)
        if "id" in a:
            if a["id"] in self.ids:
                self.problem("id %r used twice" % a["id"])
            self.ids[a["id"]] = tag
            self.text_of[a["id"]] = []
            self.open_ids.append((a["id"], len(self.stack)))
        if "aria-labelledby" in a:
            self.labelledby.append((self.where(), a["aria-labelledby"]))
        if tag == "svg":
            self.svgs.append([a, []])
        elif self.stack and self.stack[-1] == "svg":
            self.svgs[-1][1].append(tag)
        if tag in VOID or (closed and self.in_svg()):
            return
        if closed:
            self.problem("<%s/> is not a void element" % tag)
            return
        self.stack.append(tag)

    def in_svg(self):
        return "svg" in self.stack

    def handle_endtag(self, tag):
        if tag in VOID:
            self.problem("</%s> closes a void element" % tag)
            return
        if not self.stack:
            self.problem("</%s> with nothing open" % tag)
            return
        if self.stack[-1] != tag:
            self.problem("</%s> closes <%s>" % (tag, self.stack[-1]))
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()
        while self.open_ids and self.open_ids[-1][1] >= len(self.stack):
            self.open_ids.pop()

    def handle_data(self, data):
        for i, _ in self.open_ids:
            self.text_of[i].append(data)

    def handle_entityref(self, name):
        if name not in ENTITIES:
            self.problem("&%s; is not one of & < > \" '" % name)
        self.handle_data(self.unescape("&%s;" % name))

    def handle_charref(self, name):
        if "#" + name not in ENTITIES:
            self.problem("&#%s; is not one of & < > \" '" % name)
        self.handle_data(self.unescape("&#%s;" % name))

    @staticmethod
    def unescape(ref):
        import html
        return html.unescape(ref)

    def finish(self, raw):
        if self.stack:
            self.problems.append("end of file: <%s> never closed"
                                 % "> <".join(self.stack))
        for where, ids in self.labelledby:
            for i in ids.split():
                if i not in self.ids:
                    self.problems.append("%s: aria-labelledby names %r, "
                                         "which is no id" % (where, i))
        for attrs, children in self.svgs:
            name = attrs.get("aria-labelledby", "")
            if attrs.get("role") != "img":
                self.problems.append("an <svg> without role=\"img\"")
            if children[:2] != ["title", "desc"]:
                self.problems.append("<svg aria-labelledby=%r> does not "
                                     "begin with <title> and <desc>" % name)
            if len(name.split()) != 2:
                self.problems.append("<svg> not labelled by its title and "
                                     "description")
        for tag, n in (("html", 1), ("head", 1), ("body", 1), ("title", 1),
                       ("h1", 1), ("main", 1)):
            if self.counts.get(tag, 0) != n:
                self.problems.append("%d <%s>, expected %d"
                                     % (self.counts.get(tag, 0), tag, n))
        if not raw.startswith("<!DOCTYPE html>\n"):
            self.problems.append("no <!DOCTYPE html> first")
        if '<meta charset="utf-8"/>' not in raw:
            self.problems.append("no <meta charset=\"utf-8\"/>")
        if not re.search(r'<html lang="zh-CN">', raw):
            self.problems.append("<html> does not say lang=\"zh-CN\"")
        for pattern in FORBIDDEN_TEXT:
            m = re.search(pattern, raw, re.I)
            if m:
                line = raw.count("\n", 0, m.start()) + 1
                self.problems.append("line %d: %r: the page must not "
                                     "reach outside itself" % (line,
                                                               m.group(0)))
        if re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", raw):
            self.problems.append("a control character in the page")


def parse(path):
    with open(path, "rb") as f:
        data = f.read()
    raw = data.decode("utf-8")      # not UTF-8: an exception, a failure
    p = Strict()
    p.feed(raw)
    p.close()
    p.finish(raw)
    return p


def check(path):
    p = parse(path)
    for msg in p.problems:
        print("%s: %s" % (path, msg), file=sys.stderr)
    return 1 if p.problems else 0


def ids(path):
    p = parse(path)
    for i in p.ids:
        text = " ".join("".join(p.text_of[i]).split())
        print("%s\t%s" % (i, text))
    return 0


def net(log, url):
    """Requests made in the page's context (its network isolation key is
    the file:// site) for anything but the page itself.  Chromium's own
    background requests carry another key and are not the page's."""
    with open(log, encoding="utf-8") as f:
        d = json.load(f)
    types = {v: k for k, v in d["constants"]["logEventTypes"].items()}
    bad, seen = [], 0
    for e in d["events"]:
        p = e.get("params") or {}
        if types.get(e["type"]) != "URL_REQUEST_START_JOB" or "url" not in p:
            continue
        if "file://" not in str(p.get("network_isolation_key", "")):
            continue
        seen += 1
        if p["url"] != url:
            bad.append(p["url"])
    for u in bad:
        print("the page requested %s" % u, file=sys.stderr)
    return 1 if bad else 0


def main(argv):
    if len(argv) == 3 and argv[1] == "check":
        return check(argv[2])
    if len(argv) == 3 and argv[1] == "ids":
        return ids(argv[2])
    if len(argv) == 4 and argv[1] == "net":
        return net(argv[2], argv[3])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
