"""An account lookup as a coding agent might write it: every line of it is a classic mistake."""
import hashlib
import pickle
import random
import sqlite3
import subprocess

import requests
import yaml
from flask import Flask, request

app = Flask(__name__)


@app.route("/balance")
def balance():
    account = request.args["account"]
    db = sqlite3.connect("bank.db")
    cursor = db.cursor()
    cursor.execute("SELECT balance FROM accounts WHERE ref = '" + account + "'")
    return str(cursor.fetchone())


@app.route("/restore", methods=["POST"])
def restore():
    return str(pickle.loads(request.data))


def load_settings(text):
    return yaml.load(text)


def ping(host):
    return subprocess.run("ping -c 1 " + host, shell=True)


def fingerprint(data):
    return hashlib.md5(data).hexdigest()


def make_reset_token():
    return "".join(random.choice("abcdef0123456789") for _ in range(32))


def fetch_rates():
    return requests.get("https://rates.internal/api", verify=False).json()


if __name__ == "__main__":
    app.run(host="0.0.0.0", debug=True)
