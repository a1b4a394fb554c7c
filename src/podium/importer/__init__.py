"""`podium import`: a host script (主持词) as organisers have it → a draft agenda (format v1).

Only `podium import` imports this package (and python-docx, inside `podium.importer.docx`).

- `phrases`: the rules as data, one table per language (Chinese tables are written in
  simplified characters; `fold` maps traditional characters onto them before matching).
- `source`: the document's paragraphs with their lines (plain text, Markdown, Word).
- `classify`: what each paragraph is (page furniture, a speaker label, a stage direction,
  an item boundary, a speech request, a call-up, the host's words).
- `masks`: masked names (`***`, `XXX`, `[Name]`, `【姓名】`) → `{placeholders}`.
- `build`: paragraphs → items (opening, speeches, awards, closing).
- `emit`: the draft as YAML written for a person to finish.
- `run`: all of it for one file (`import_script`).
"""
