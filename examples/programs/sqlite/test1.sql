-- Arabica example: SQLite shell smoke test, run 1 of 2.
-- Creates /data/test.db inside the preopened directory; test2.sql reads it back.
.bail on
.headers on
.mode list
SELECT sqlite_version() >= '3.40.0' AS version_ok;
DROP TABLE IF EXISTS orders;
DROP TABLE IF EXISTS customers;
CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT NOT NULL, city TEXT);
CREATE TABLE orders(id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id),
                    amount REAL, qty INTEGER, note TEXT);
CREATE INDEX orders_customer ON orders(customer_id);
BEGIN;
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < 50)
INSERT INTO customers(id, name, city)
SELECT i, 'customer_' || printf('%03d', i),
       CASE i % 5 WHEN 0 THEN 'Lisbon' WHEN 1 THEN 'Oslo' WHEN 2 THEN 'Quito'
                  WHEN 3 THEN 'Kyoto' ELSE 'Accra' END
FROM c;
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < 5000)
INSERT INTO orders(id, customer_id, amount, qty, note)
SELECT i, (i * 7) % 50 + 1, ((i * 37) % 1000) / 4.0, (i % 9) + 1,
       CASE WHEN i % 100 = 0 THEN 'rush' ELSE NULL END
FROM c;
COMMIT;
SELECT count(*) AS n_orders, sum(qty) AS total_qty, printf('%.2f', sum(amount)) AS total_amount,
       min(amount) AS min_amount, max(amount) AS max_amount FROM orders;
SELECT c.city, count(*) AS n, printf('%.2f', avg(o.amount)) AS avg_amount, sum(o.qty) AS qty
FROM orders o JOIN customers c ON c.id = o.customer_id
GROUP BY c.city ORDER BY c.city;
SELECT c.name, printf('%.2f', sum(o.amount * o.qty)) AS revenue
FROM customers c JOIN orders o ON o.customer_id = c.id
GROUP BY c.id ORDER BY sum(o.amount * o.qty) DESC, c.id LIMIT 5;
SELECT count(*) AS rush_orders, group_concat(id, ',') AS first_ids
FROM (SELECT id FROM orders WHERE note = 'rush' ORDER BY id LIMIT 5);
SELECT customer_id, amount, rank() OVER (ORDER BY amount DESC, id) AS rnk
FROM orders WHERE customer_id = 8 ORDER BY rnk LIMIT 3;
SELECT upper(substr(name, 1, 4)) || '-' || length(name) AS s, replace(city, 'o', '0') AS r,
       hex(zeroblob(2)) AS h, typeof(3.5) AS t, 7 / 2 AS idiv, 7 % 3 AS m, round(2.675, 2) AS rd
FROM customers WHERE id IN (1, 2) ORDER BY id;
SELECT json_object('id', id, 'city', city) AS j FROM customers WHERE id = 3;
SELECT count(*) AS big_customers FROM (
  SELECT customer_id FROM orders GROUP BY customer_id HAVING sum(qty) > 500);
PRAGMA integrity_check;
