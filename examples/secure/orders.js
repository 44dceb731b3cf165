// The same order service written the way the gate wants it: nothing here should be reported.
const express = require("express");
const { execFile } = require("child_process");
const crypto = require("crypto");
const escapeHtml = require("escape-html");
const db = require("./db");

const app = express();

app.get("/orders", async (req, res) => {
  const rows = await db.query("SELECT * FROM orders WHERE customer = $1", [req.query.customer]);
  res.json(rows);
});

app.get("/label", (req, res) => {
  execFile("lpr", ["-P", "labels", "--", String(req.query.file)], (err, out) => res.json({ queued: !err, output: out }));
});

app.post("/discount", (req, res) => {
  res.json({ value: JSON.parse(req.body.formula) });
});

app.get("/greet", (req, res) => {
  res.send("<h1>Hello " + escapeHtml(req.query.name) + "</h1>");
});

function receiptId() {
  return crypto.randomUUID();
}

module.exports = { app, receiptId };
