package app.huberman.domain.subscription;

import java.util.Objects;

/** A purchase the mobile app reports right after it happened, for the server to verify. */
public sealed interface ClientPurchase {

  PaymentProvider provider();

  /** An App Store transaction: the JWS the StoreKit 2 {@code Transaction} carries. */
  record AppleTransaction(String signedTransaction) implements ClientPurchase {
    public AppleTransaction {
      Objects.requireNonNull(signedTransaction, "signedTransaction");
    }

    @Override
    public PaymentProvider provider() {
      return PaymentProvider.APPLE;
    }
  }

  /** A Google Play subscription purchase. */
  record GooglePurchase(String purchaseToken, String productId) implements ClientPurchase {
    public GooglePurchase {
      Objects.requireNonNull(purchaseToken, "purchaseToken");
      Objects.requireNonNull(productId, "productId");
    }

    @Override
    public PaymentProvider provider() {
      return PaymentProvider.GOOGLE;
    }
  }
}
