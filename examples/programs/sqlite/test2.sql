-- Arabica example: SQLite shell smoke test, run 2 of 2 (reads the database written by test1.sql).
.bail on
.headers on
.mode list
SELECT name FROM sqlite_schema WHERE type IN ('table', 'index') ORDER BY name;
SELECT count(*) AS n_orders, sum(qty) AS total_qty FROM orders;
UPDATE orders SET qty = qty + 1 WHERE customer_id = 1;
SELECT changes() AS updated;
DELETE FROM orders WHERE id > 4990;
SELECT count(*) AS n_after_delete, sum(qty) AS total_qty FROM orders;
SELECT c.city, count(DISTINCT c.id) AS customers, count(o.id) AS orders
FROM customers c LEFT JOIN orders o ON o.customer_id = c.id
GROUP BY c.city ORDER BY orders DESC, c.city;
PRAGMA integrity_check;
