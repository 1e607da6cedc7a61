-- Renumbering a list around another row (an insert, a move or a delete shifts the rows after
-- it by one) is not a change to those rows: their place relative to each other stays, and a
-- plan that placed one of them may still be undone. The ordering module marks such statements
-- with the transaction-local setting agendacraft.renumbering, and the version stays. Every
-- other write still moves it on. Semicolons in the body are written \073 (see 20261201130000).
CREATE OR REPLACE FUNCTION "bump_version"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN IF current_setting(''agendacraft.renumbering'', true) = ''on'' THEN RETURN NEW\073 END IF\073 NEW."version" := OLD."version" + 1\073 RETURN NEW\073 END';
