package app.huberman.adapters.security;

import java.util.Locale;

/** The three Argon2 variants, as a PHC string names them and as BouncyCastle numbers them. */
enum Argon2Variant {
  D(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_d),
  I(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_i),
  ID(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id);

  private final int bouncyCastleType;

  Argon2Variant(int bouncyCastleType) {
    this.bouncyCastleType = bouncyCastleType;
  }

  /** {@code argon2id}, {@code argon2i} or {@code argon2d}. */
  String phcName() {
    return "argon2" + name().toLowerCase(Locale.ROOT);
  }

  org.bouncycastle.crypto.params.Argon2Parameters.Builder builder() {
    return new org.bouncycastle.crypto.params.Argon2Parameters.Builder(bouncyCastleType);
  }

  static Argon2Variant ofPhcSuffix(String suffix) {
    return valueOf(suffix.toUpperCase(Locale.ROOT));
  }
}
