-- The orders flow finds an order's debtor by e-mail; the id-map kept the address itself as the key, so
-- personal data outlived the activity log's retention. It now keeps a SHA-256 of the address
-- (lib/flows/orders/customer.ts, debtorKey): existing keys are rewritten the same way.
UPDATE "id_map" SET "source_id" = 'sha256:' || encode(sha256(convert_to("source_id", 'UTF8')), 'hex')
WHERE "entity" = 'debtor' AND "source_id" NOT LIKE 'sha256:%';
