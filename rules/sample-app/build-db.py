#!/usr/bin/env python3
"""Builds app.db beside this script: the user profiles of a small sample application, for the
'profile pic' model assertion in ../sample-app.yaml. Deterministic (fixed seed, fixed dates), so the
committed database can be rebuilt byte for byte: python3 rules/sample-app/build-db.py"""
import os
import random
import sqlite3
from datetime import datetime, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, "app.db")
FIRST = ["Ada", "Grace", "Linus", "Margaret", "Ken", "Barbara", "Dennis", "Frances", "Edsger", "Radia",
         "Guido", "Anders", "Hedy", "Tim", "Katherine", "Donald", "Sophie", "John", "Jean", "Alan"]
LAST = ["Lovelace", "Hopper", "Torvalds", "Hamilton", "Thompson", "Liskov", "Ritchie", "Allen", "Dijkstra",
        "Perlman", "van Rossum", "Hejlsberg", "Lamarr", "Berners-Lee", "Johnson", "Knuth", "Wilson", "Backus"]

def main():
    random.seed(20261203)
    if os.path.exists(PATH):
        os.remove(PATH)
    db = sqlite3.connect(PATH)
    db.executescript("""
        CREATE TABLE profile (
            id          INTEGER PRIMARY KEY,
            username    TEXT NOT NULL UNIQUE,
            email       TEXT NOT NULL,
            pic_url     TEXT,
            date_joined DATETIME NOT NULL,
            last_login  DATETIME
        );
    """)
    start = datetime(2026, 1, 1)
    rows = []
    for i in range(1, 241):
        first, last = random.choice(FIRST), random.choice(LAST)
        username = f"{first.lower()}.{last.lower().replace(' ', '')}{i}"
        joined = start + timedelta(days=random.randint(0, 330), minutes=random.randint(0, 1439))
        has_pic = random.random() > 0.08
        pic = f"https://cdn.example.com/avatars/{username}.jpg" if has_pic else None
        login = joined + timedelta(days=random.randint(0, 20)) if random.random() > 0.1 else None
        rows.append((i, username, f"{username}@example.com", pic,
                     joined.strftime("%Y-%m-%d %H:%M:%S"),
                     login.strftime("%Y-%m-%d %H:%M:%S") if login else None))
    db.executemany("INSERT INTO profile VALUES (?, ?, ?, ?, ?, ?)", rows)
    db.commit()
    db.execute("VACUUM")
    db.close()
    print(f"wrote {len(rows)} profiles to {PATH}")

if __name__ == "__main__":
    main()
