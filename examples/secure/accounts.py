"""The same account service written the way the gate wants it: nothing here should be reported."""
import hashlib
import json
import os
import secrets
import sqlite3
import subprocess

import requests
import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/balance")
def balance():
    account = request.args["account"]
    db = sqlite3.connect("bank.db")
    cursor = db.cursor()
    cursor.execute("SELECT balance FROM accounts WHERE ref = ?", (account,))
    return str(cursor.fetchone())


@app.route("/restore", methods=["POST"])
def restore():
    return jsonify(json.loads(request.data))


def load_settings(text):
    return yaml.safe_load(text)


def ping(host):
    return subprocess.run(["ping", "-c", "1", host], check=False)


def fingerprint(data):
    return hashlib.sha256(data).hexdigest()


def make_reset_token():
    return secrets.token_hex(16)


def fetch_rates():
    return requests.get("https://rates.internal/api", timeout=5).json()


if __name__ == "__main__":
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
