-- An adopted délibération's PDF is the act itself (art. L2121-23 CGCT: signed by the président and the
-- secrétaire de séance; art. L2131-1: transmitted as signed). Its document reference moves exactly once, when
-- the parapheur stores the signed PDF (signature 'a_signer' → 'signee' in the same UPDATE); any other change
-- would swap the act behind its signatures, its transmission or its AR. A signed délibération is never unsigned.
CREATE TRIGGER deliberation_pdf_immuable BEFORE UPDATE OF pdf_sha256 ON deliberation
WHEN OLD.adoptee = 1 AND OLD.pdf_sha256 IS NOT NULL AND NEW.pdf_sha256 IS NOT OLD.pdf_sha256
  AND NOT (OLD.signature = 'a_signer' AND NEW.signature = 'signee')
BEGIN SELECT RAISE(ABORT, 'deliberation_pdf_immuable'); END;

CREATE TRIGGER deliberation_signature_definitive BEFORE UPDATE OF signature ON deliberation
WHEN OLD.signature = 'signee' AND NEW.signature IS NOT 'signee'
BEGIN SELECT RAISE(ABORT, 'deliberation_pdf_immuable'); END;
