"""Character TF-IDF nearest titles for the title normalization benchmark (char-tfidf.tool.ts).

The first line on stdin is JSON {"ngram": [low, high], "titles": [...]}; the script answers
"ready" once the matrix is built. Each later line is JSON {"title": ..., "top": k} and is
answered, one line each, with the JSON list of the indexes of the k titles nearest by cosine,
best first, leaving out titles that share no n-gram with the query. Queries come one at a time
so the benchmark times each of them as it times the other tools.
"""

import json
import sys

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer


def nearest(by_ngram, vector, top):
    # Rows are L2-normalised by the vectorizer, so the dot product is the cosine; the matrix is
    # held n-gram by n-gram so a query reads only the n-grams it has (five times faster).
    scores = (vector @ by_ngram).toarray().ravel()
    top = min(top, int(np.count_nonzero(scores)))
    if top == 0:
        return []
    # Sorted first so that equal scores (one title under two occupations) keep index order.
    best = np.sort(np.argpartition(-scores, top - 1)[:top])
    return best[np.argsort(-scores[best], kind="stable")].tolist()


def main():
    setup = json.loads(sys.stdin.readline())
    low, high = setup["ngram"]
    vectorizer = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(low, high), sublinear_tf=True, lowercase=True
    )
    by_ngram = vectorizer.fit_transform(setup["titles"]).T.tocsr()
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    for line in sys.stdin:
        query = json.loads(line)
        vector = vectorizer.transform([query["title"]])
        sys.stdout.write(json.dumps(nearest(by_ngram, vector, query["top"])) + "\n")
        sys.stdout.flush()


main()
