"""Old Word files (.doc, Word 97-2003) into blocks: converted to .docx by LibreOffice in
headless mode, then read by the .docx reader.

Offices still keep and send .doc files; python-docx reads only .docx, and no Python library
reads .doc's binary format well enough (tables, numbering). LibreOffice converts it as Word
would save it again. It runs as a separate program with a time limit and a profile of its
own for each file (two conversions at once must not share one: the second would wait on the
first's lock, or hand its file to it and exit), so a hostile or broken file costs that file.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from retrieval.documents.readers.blocks import MissingTool, ParseError, RawDocument

INSTALL = "apt-get install --no-install-recommends libreoffice-writer-nogui"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 files are OLE compound files
RTF = b"{\\rtf"  # Word also saves RTF under .doc
SECONDS = 120.0  # a conversion takes ~1-3 s (a fresh profile each time); a stuck one is stopped here
PROGRAMS = ("soffice", "libreoffice")


def program() -> str | None:
    return next((found for p in PROGRAMS if (found := shutil.which(p))), None)


def ready() -> bool:
    return program() is not None


def read_doc(path: Path) -> RawDocument:
    from retrieval.documents.readers.docx import read_docx

    name = path.name
    with path.open("rb") as f:
        head = f.read(8)
    if head.startswith(OLE):
        # Word's own import filter: told which format it is, LibreOffice refuses a damaged file
        # instead of reading its bytes as text in some encoding
        infilter = ["--infilter=MS Word 97"]
    elif head.startswith(RTF):
        infilter = []
    else:
        raise ParseError(f"{name}: không phải tệp Word (.doc) — tệp hỏng hoặc mang nhầm đuôi .doc")
    exe = program()
    if exe is None:
        raise MissingTool(f"{name}: tệp Word cũ (.doc) cần LibreOffice để chuyển sang .docx nhưng máy chủ chưa cài — "
                          f"cài bằng: {INSTALL} (hoặc mở tệp bằng Word và lưu lại thành .docx)", "soffice")
    with tempfile.TemporaryDirectory(prefix="doc-") as tmp:
        work = Path(tmp)
        source = work / "in" / "van-ban.doc"  # a plain name: LibreOffice names its output after it
        source.parent.mkdir()
        shutil.copyfile(path, source)
        out = work / "out"
        args = [exe, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--invisible", "--nologo",
                "--norestore", "--nolockcheck", "--nodefault", *infilter, "--convert-to", "docx", "--outdir", str(out),
                str(source)]
        stderr = _run(args, name, work)
        converted = out / "van-ban.docx"
        if not converted.is_file() or converted.stat().st_size == 0:
            raise ParseError(f"{name}: LibreOffice không chuyển được tệp .doc sang .docx — tệp hỏng hoặc không phải "
                             f"văn bản Word ({stderr[-200:] or 'không rõ lý do'})")
        # the .docx reader names blocks and messages after the file it reads: the original's name
        named = work / name
        converted.rename(named)
        return read_docx(named)


def _run(args: list[str], name: str, work: Path) -> str:
    """Run LibreOffice in a session of its own (its launcher starts other processes: on a
    timeout the whole group goes); its stderr."""
    env = dict(os.environ, HOME=str(work))  # nothing written into the real home
    try:
        proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=env, start_new_session=True)
    except OSError as exc:
        raise ParseError(f"{name}: không chạy được LibreOffice ({exc})") from exc
    try:
        _out, err = proc.communicate(timeout=SECONDS)
    except subprocess.TimeoutExpired as exc:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            pass
        proc.communicate()
        raise ParseError(f"{name}: chuyển tệp .doc sang .docx quá {SECONDS:.0f} giây — tệp hỏng hoặc quá phức tạp") from exc
    return err.decode("utf-8", "replace").strip()


__all__ = ["INSTALL", "read_doc", "ready"]
