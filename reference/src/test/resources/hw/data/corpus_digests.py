"""Prints the length and SHA-256 of the corpora hw.data.Corpus builds, computed independently with Python's own
parser, for CorpusTest. Run it on the unpacked python-resources jar (the version in the root pom):

    unzip -q ~/.m2/repository/org/graalvm/python/python-resources/24.2.1/python-resources-24.2.1.jar \
        'META-INF/resources/libpython/*' -d /tmp/pr
    python3 corpus_digests.py /tmp/pr/META-INF/resources/libpython
"""
import ast
import hashlib
import os
import sys

root = sys.argv[1]


def digest(text):
    return len(text), hashlib.sha256(text.encode("utf-8")).hexdigest()


# englishText(): the values of the topics dict, each ending with a newline, separated by an empty line.
with open(os.path.join(root, "pydoc_data", "topics.py"), encoding="utf-8") as f:
    source = f.read()
topics = ast.literal_eval(source[source.index("{"):])
english = "\n".join(v if v.endswith("\n") else v + "\n" for v in topics.values())
print("english", *digest(english))

# pythonSource(n): the sorted .py files but pydoc_data/, empty ones left out, each after a header line.
files = sorted(os.path.relpath(os.path.join(d, f), root).replace(os.sep, "/")
               for d, _, fs in os.walk(root) for f in fs if f.endswith(".py"))
parts = []
for name in files:
    if name.startswith("pydoc_data/"):
        continue
    with open(os.path.join(root, name), "rb") as f:
        raw = f.read()
    try:
        code = raw.decode("utf-8")
    except UnicodeDecodeError:
        code = raw.decode("latin-1")
    if code:
        parts.append("# file: " + name + "\n" + code + ("" if code.endswith("\n") else "\n"))
python = "".join(parts)
print("python", *digest(python))
print("python[:2000000]", *digest(python[:2_000_000]))
