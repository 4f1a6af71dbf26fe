-- Stand-ins for people named in imports used to hold the imported email itself, so they
-- blocked sign-ups with it. They now hold a placeholder; the imported email moves aside.
UPDATE `user` SET `source_email` = `email`, `email` = 'imported.' || `id` || '@placeholder.invalid' WHERE `kind` = 'imported' AND `source_email` IS NULL;
