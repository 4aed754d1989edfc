"""Trợ lý CCHC retrieval core: read → model → chunk → index → retrieve → answer → render.

No Telegram and no chat storage here. Modules are imported where they are used, so that
reading a document does not load the embedder or the index.
"""
