// An order service as a coding agent might write it: each handler repeats a classic mistake.
const express = require("express");
const { exec } = require("child_process");
const crypto = require("crypto");
const db = require("./db");

const app = express();

app.get("/orders", async (req, res) => {
  const rows = await db.query("SELECT * FROM orders WHERE customer = '" + req.query.customer + "'");
  res.json(rows);
});

app.get("/label", (req, res) => {
  exec("lpr -P labels " + req.query.file, (err, out) => res.json({ queued: !err, output: out }));
});

app.post("/discount", (req, res) => {
  res.json({ value: eval(req.body.formula) });
});

app.get("/greet", (req, res) => {
  res.send("<h1>Hello " + req.query.name + "</h1>");
});

function receiptId() {
  return crypto.createHash("md5").update(String(Math.random())).digest("hex");
}

module.exports = { app, receiptId };
