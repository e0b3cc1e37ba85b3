-- Arabica example: compute-heavy SQLite workload (in-memory database, no files).
.headers on
.mode list
CREATE TABLE t(id INTEGER PRIMARY KEY, k INTEGER, v INTEGER, s TEXT);
WITH RECURSIVE c(i, x) AS (
  SELECT 1, 12345
  UNION ALL
  SELECT i + 1, (x * 1103515245 + 12345) % 2147483648 FROM c WHERE i < 200000)
INSERT INTO t(id, k, v, s) SELECT i, x % 1000, x % 100003, printf('%08x', x) FROM c;
SELECT count(*) AS n, sum(v) AS sum_v, min(s) AS min_s, max(s) AS max_s FROM t;
SELECT k, count(*) AS n, sum(v) AS sv FROM t GROUP BY k ORDER BY sv DESC, k LIMIT 5;
SELECT s, v FROM t ORDER BY s LIMIT 3 OFFSET 150000;
CREATE INDEX t_k ON t(k, v);
SELECT count(*) AS pairs FROM t a JOIN t b ON b.k = a.k AND b.v = a.v + 1 ;
SELECT sum(r) AS rank_checksum FROM (SELECT row_number() OVER (PARTITION BY k ORDER BY v, id) AS r FROM t WHERE id % 3 = 0);
WITH RECURSIVE fib(n, a, b) AS (SELECT 0, 0, 1 UNION ALL SELECT n + 1, b, (a + b) % 1000000007 FROM fib WHERE n < 200000)
SELECT max(n) AS n, sum(a) % 1000000007 AS fib_sum FROM fib;
