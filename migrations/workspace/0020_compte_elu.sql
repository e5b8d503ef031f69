-- The élu an account is, in a commune (a maire, an adjoint who logs in to sign): signing is then his alone.
ALTER TABLE user_role ADD COLUMN elu_id INTEGER;
