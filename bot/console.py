"""The console chat: the same `Dialogue` as the Telegram bot, in a terminal.

Commands are typed as on Telegram (/start, /help, /vanban 363/TB-VPCP, /viettat CCHC,
/nhiemvu Sở Tư pháp, /hanchot, and the admin ones: the operator at the keyboard is trusted;
reminders, /theodoi, go only to Telegram chats); `/them PATH` adds a file as an admin's
upload does. Buttons become short replies: a number picks a /start example or one of the
documents a question matched, "nguồn" shows the last answer's sources, "+" / "-" rate it,
"ok" / "huy" confirm or cancel an addition or a removal, "sau" / "truoc" turn /vanban's pages.
"""

from __future__ import annotations

import sys
from typing import TextIO

from .access import Who
from .dialogue import Dialogue, Reply
from .render import to_plain

CONSOLE = Who(user_id=0, chat_id=0, name="console", chat_type="console", local=True)
PROMPT = "❓ "


class Console:
    def __init__(self, dialogue: Dialogue, out: TextIO = sys.stdout) -> None:
        self.dialogue = dialogue
        self.out = out
        self.buttons: dict[str, str] = {}  # what the user may type -> callback data

    def show(self, reply: Reply) -> None:
        for message in reply.messages:
            print(to_plain(message), file=self.out)
        # a reply replaces only the buttons of its own kind: the /start examples stay
        # typeable after /help, the last answer's sources after a command
        hints = []
        # numbered choices: the /start examples, or the documents a question matched
        examples = [b for row in reply.buttons for b in row if b.data.startswith(("ex:", "doc:"))]
        if examples:
            self.buttons = {k: v for k, v in self.buttons.items() if not v.startswith(("ex:", "doc:"))}
        if any(b.data.startswith(("src:", "hide:", "fb:")) for row in reply.buttons for b in row):
            self.buttons = {k: v for k, v in self.buttons.items() if v.startswith("ex:")}
        if any(b.data.startswith("doc:") for b in examples):
            hints.append("  (gõ số để chọn văn bản)")
        for i, b in enumerate(examples, 1):
            self.buttons[str(i)] = b.data
            hints.append(f"  [{i}] {b.text}")
        for row in reply.buttons:
            for b in row:
                if b.data.startswith(("src:", "hide:")):
                    self.buttons["nguồn"] = self.buttons["nguon"] = b.data.replace("hide:", "src:")
                elif b.data.startswith("fb:"):
                    self.buttons["+" if b.data.endswith("+") else "-"] = b.data
        if any(b.data.startswith("fb:") for row in reply.buttons for b in row):
            hints.append("  (gõ “nguồn” để xem trích dẫn, “+” / “-” để đánh giá)")
        desk = [b for row in reply.buttons for b in row if b.data.startswith(("up:", "rm:", "vb:"))]
        if desk:
            self.buttons = {k: v for k, v in self.buttons.items() if not v.startswith(("up:", "rm:", "vb:"))}
            for b in desk:
                if b.data.startswith("vb:"):
                    self.buttons["sau" if "▶" in b.text else "truoc"] = b.data
                else:
                    self.buttons["ok" if b.data.endswith(":ok") else "huy"] = b.data
            hints.append("  (gõ " + ", ".join(f"“{k}”: {b.text}" for k, b in
                                             ((k, next(x for x in desk if x.data == v)) for k, v in self.buttons.items()
                                              if v.startswith(("up:", "rm:", "vb:")))) + ")")
        if hints:
            print("\n".join(hints), file=self.out)
        print(file=self.out, flush=True)

    def handle(self, line: str) -> bool:
        """One line of input; False to quit."""
        text = line.strip()
        if text.lower() in ("/quit", "/exit", "exit", "quit", "thoát"):
            return False
        data = self.buttons.get(text.lower())
        if data is not None:
            if data.startswith(("up:", "rm:")):  # used once: a second "ok" must not add again
                self.buttons = {k: v for k, v in self.buttons.items() if not v.startswith(("up:", "rm:"))}
            if data.startswith("up:") and data.endswith(":ok"):
                result = self.dialogue.confirm_upload(CONSOLE, data[3:-3], lambda s: print(s, file=self.out, flush=True))
            else:
                result = self.dialogue.callback(CONSOLE, data)
            if result.toast:
                print(result.toast, file=self.out)
            for r in (result.edit, result.send):
                if r is not None:
                    self.show(r)
                    if r.record is not None:
                        self.dialogue.persist(r)
            if result.edit is None and result.send is None:
                print(file=self.out, flush=True)
            return True
        if text.startswith("/"):
            head, _, args = text.partition(" ")
            self.show(self.dialogue.command(CONSOLE, head[1:].split("@")[0], args))
            return True
        reply = self.dialogue.ask(CONSOLE, text)
        self.show(reply)
        self.dialogue.persist(reply)
        return True


def run(dialogue: Dialogue, stdin: TextIO = sys.stdin, out: TextIO = sys.stdout) -> int:
    console = Console(dialogue, out)
    interactive = stdin.isatty()
    dialogue.facts.sync()  # as the bot does at start-up: the obligations in the database
    console.show(dialogue.command(CONSOLE, "start"))
    while True:
        if interactive:
            print(PROMPT, end="", file=out, flush=True)
        line = stdin.readline()
        if not line:
            return 0
        if not line.strip():
            continue
        if not console.handle(line):
            return 0
