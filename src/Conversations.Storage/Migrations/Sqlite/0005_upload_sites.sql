-- The site a visitor's upload was made on: agents limited to other sites may not read it (issue 8).
ALTER TABLE uploads ADD COLUMN site_id TEXT NULL;
