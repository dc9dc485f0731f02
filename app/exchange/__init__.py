"""Import and export: files from the source systems taken in (CSV dialects and encodings, XLSX
streamed, JSON Lines) with their field maps in Swedish and English, validation and
idempotent upserts in one transaction, reject reports, dependency order and the watched
inbox folder (importer, readers, xlsx, fields, apply, rejects, order, folder); the stock
export (export); every cell written neutralised against formulas (cells).
"""
