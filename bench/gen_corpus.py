#!/usr/bin/env python3
"""Gazette's benchmark corpus: N deterministic French health-IT news articles.

Usage: python3 bench/gen_corpus.py OUTDIR N [--seed 1]

Writes OUTDIR/articles/YYYY/<slug>.md (YAML front matter: title, date with its Paris offset,
slug, tags, summary) and OUTDIR/site.yml (without social cards, which Hugo does not draw). Bodies are 1.5-6 KB like the real site's articles:
paragraphs with accents, « guillemets » and ’, ## headings, a list, a GFM table, a quote, links,
emphasis, and in one article out of four a ```chart block (bar or column, inline data).
Standard-library Python only. The same (N, seed) gives the same bytes on any machine, and
article i depends only on (seed, i): the first 1 000 articles of N = 10 000 are the corpus of
N = 1 000. Hugo reads the same files (bench/hugo-site); it shows a chart block as code.
"""
import argparse
import datetime as dt
import os
import random
import unicodedata

TAGS = ["cybersécurité", "GHT", "RGPD", "cloud", "intelligence artificielle", "santé numérique", "DPI",
        "interopérabilité", "Ségur du numérique", "rançongiciel", "HDS", "souveraineté", "télémédecine",
        "données de santé", "CNIL", "open source", "ARS", "e-santé", "DMP", "identité numérique"]
TAG_WEIGHTS = [14, 12, 10, 10, 9, 9, 8, 7, 7, 6, 6, 6, 5, 5, 5, 4, 4, 4, 4, 3]
PLACES = ["Rennes", "Besançon", "Nîmes", "Saint-Étienne", "Orléans", "Évreux", "Angoulême", "Béziers",
          "Pointe-à-Pitre", "Quimper", "Colmar", "Poitiers", "Chambéry", "Créteil", "Mâcon", "Épinal"]
# Titles name one of 64 towns: with the 16 of the bodies, 17 % of 10 000 titles were word for word
# another's, which no search can tell apart and no newsroom publishes. 64 is a power of two, as 16
# is: a draw consumes the random generator as before, so only titles and addresses changed.
TITLE_PLACES = PLACES + [
    "Amiens", "Brest", "Caen", "Dijon", "Grenoble", "Limoges", "Lorient", "Metz", "Montauban", "Nancy", "Niort", "Pau",
    "Perpignan", "Reims", "Rouen", "Toulon", "Tours", "Troyes", "Valence", "Vannes", "Annecy", "Arras", "Avignon",
    "Bayonne", "Beauvais", "Blois", "Bourges", "Brive-la-Gaillarde", "Cahors", "Calais", "Carcassonne", "Chartres",
    "Cholet", "Dax", "Douai", "Dunkerque", "Gap", "Laval", "Lannion", "Lisieux", "Montluçon", "Nevers", "Périgueux",
    "Roanne", "Saint-Brieuc", "Saint-Malo", "Tarbes", "Vesoul"]
ACTORS = ["le GHT", "l’ARS", "la CNIL", "l’ANSSI", "le CHU", "la DSI", "l’Agence du numérique en santé",
          "le ministère", "l’éditeur", "l’établissement", "le RSSI", "la commission médicale"]
VERBS = ["annonce", "déploie", "renforce", "mutualise", "finance", "audite", "sécurise", "modernise",
         "externalise", "teste", "généralise", "évalue"]
OBJECTS = ["son dossier patient informatisé", "la messagerie sécurisée", "un plan de continuité",
           "l’hébergement de données de santé", "une cellule de crise cyber", "la télésurveillance",
           "l’identité numérique des soignants", "un entrepôt de données", "la sauvegarde hors ligne",
           "les accès à distance", "un centre de ressources", "l’authentification forte"]
CLAUSES = ["d’ici à la fin de l’année", "malgré des budgets contraints", "après un incident majeur",
           "avec l’appui de la région", "dans le cadre du Ségur", "sans interrompre les soins",
           "pour près de 40 % des sites", "selon un calendrier resserré", "à la demande des équipes"]
QUOTES = ["Nous n’avons pas le droit à l’erreur : chaque minute d’arrêt se paie au lit du patient.",
          "La sécurité n’est plus un sujet technique ; c’est une question de gouvernance.",
          "Mutualiser, oui, mais pas au prix de la proximité avec les services.",
          "Nos données sont un bien commun ; il faut les protéger comme tel."]


def slugify(text):
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join("".join(c if c.isalnum() else " " for c in ascii_text).split())


def last_sunday(year, month):
    day = dt.datetime(year, month + 1, 1) - dt.timedelta(days=1)
    return day - dt.timedelta(days=(day.weekday() + 1) % 7)


def paris_offset(local):
    """Europe/Paris's offset at the wall-clock time `local` (summer time from the last Sunday of
    March, 02:00, to the last Sunday of October, 03:00; the corpus's times are 07:00-17:00)."""
    summer = last_sunday(local.year, 3).replace(hour=2) <= local < last_sunday(local.year, 10).replace(hour=3)
    return "+02:00" if summer else "+01:00"


def sentence(rng):
    place = rng.choice(PLACES)
    text = f"À {place}, {rng.choice(ACTORS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(CLAUSES)}"
    roll = rng.random()
    if roll < 0.15:
        text += f", soit « {rng.choice(OBJECTS)} » pour {rng.randint(2, 95)} % des répondants"
    elif roll < 0.25:
        text += f" ([détails](https://exemple-sante.fr/{slugify(place)}/{rng.randint(100, 999)}))"
    elif roll < 0.35:
        text += f", un chantier *{rng.choice(['prioritaire', 'structurant', 'attendu'])}*"
    elif roll < 0.42:
        text += f" : **{rng.randint(2, 60)} millions d’euros** sur trois ans"
    return text + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))


def table(rng):
    years = sorted(rng.sample(range(2016, 2025), 3))
    rows = ["| Indicateur | " + " | ".join(str(y) for y in years) + " |", "|---|" + "---:|" * len(years)]
    for label in rng.sample(["Incidents déclarés", "Sites raccordés", "Budget (M€)", "Agents formés", "Applications"], 3):
        rows.append(f"| {label} | " + " | ".join(str(rng.randint(3, 900)) for _ in years) + " |")
    return "\n".join(rows)


def chart(rng, number):
    kind = rng.choice(["bar", "column"])
    categories = rng.sample(["Rançongiciel", "Hameçonnage", "Fuite de données", "Panne", "Erreur humaine",
                             "Déni de service"], 4)
    values = ", ".join(str(rng.randint(5, 95)) for _ in categories)
    quoted = ", ".join(f'"{c}"' for c in categories)
    return (f"```chart\nkind: {kind}\ntitle: Indicateur {number} des établissements\nunit: \"%\"\n"
            f"source: Enquête Gazette {rng.randint(2018, 2024)}\ncategories: [{quoted}]\n"
            f"series:\n  - name: Part des établissements\n    values: [{values}]\n```")


def article(seed, index, count):
    rng = random.Random(f"{seed}:{index}")
    # About one a day from 1999: 10 000 articles reach 2026, every one in the past; a larger
    # corpus is spread over the same years (several a day), so that every size publishes everything.
    scale = min(1.0, 10000 / count)
    date = dt.datetime(1999, 1, 4, 7, 0) + dt.timedelta(minutes=(index * 1440 + rng.randint(0, 600)) * scale)
    if date.hour == 2:
        date += dt.timedelta(hours=1)  # not in the hour that summer time skips
    offset = paris_offset(date)
    place, verb, obj = rng.choice(TITLE_PLACES), rng.choice(VERBS), rng.choice(OBJECTS)
    title = f"{place} : {rng.choice(ACTORS)} {verb} {obj}"
    slug = f"{slugify(title)[:70].rstrip('-')}-{index}"
    tags = []
    for _ in range(rng.randint(1, 4)):
        tag = rng.choices(TAGS, TAG_WEIGHTS)[0]
        if tag not in tags:
            tags.append(tag)
    blocks = [paragraph(rng)]
    for section in range(rng.randint(1, 4)):
        blocks.append(f"## {rng.choice(['Le contexte', 'Les chiffres', 'Ce qui change', 'Et après ?', 'Le calendrier'])} {section + 1}")
        blocks += [paragraph(rng) for _ in range(rng.randint(1, 3))]
        roll = rng.random()
        if roll < 0.3:
            blocks.append("\n".join(f"- {rng.choice(OBJECTS)} {rng.choice(CLAUSES)}" for _ in range(rng.randint(2, 5))))
        elif roll < 0.5:
            blocks.append(table(rng))
        elif roll < 0.65:
            blocks.append("> " + rng.choice(QUOTES))
    if index % 4 == 0:
        blocks.insert(2, chart(rng, index))
    summary = sentence(rng).replace('"', "’")
    tag_list = ", ".join(f'"{t}"' for t in tags)
    front = (f'---\ntitle: "{title}"\ndate: {date.isoformat()}{offset}\nslug: {slug}\n'
             f'tags: [{tag_list}]\nsummary: "{summary}"\n---\n\n')
    return date.year, slug, front + "\n\n".join(blocks) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir")
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for index in range(args.count):
        year, slug, text = article(args.seed, index, args.count)
        folder = os.path.join(args.outdir, "articles", str(year))
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, slug + ".md"), "w", encoding="utf-8") as handle:
            handle.write(text)
    with open(os.path.join(args.outdir, "site.yml"), "w", encoding="utf-8") as handle:
        # No social cards: Hugo, the comparison, draws none (Scripts/bench-images.py measures them).
        handle.write("title: Rapport numérique santé\nbase_url: https://rapport.example.fr/\nitems_per_page: 20\nsocial_cards: false\n")


if __name__ == "__main__":
    main()
