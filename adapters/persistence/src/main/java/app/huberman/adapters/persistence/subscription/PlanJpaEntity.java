package app.huberman.adapters.persistence.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity(name = "Plan")
@Table(name = "plans")
class PlanJpaEntity {

  @Id Long id;

  @Column(nullable = false, unique = true, length = 64)
  String slug;

  @Column(nullable = false)
  String name;

  @Column(nullable = false)
  String description;

  @Enumerated(EnumType.STRING)
  @Column(name = "billing_interval", nullable = false, length = 16)
  PlanInterval billingInterval;

  @Column(name = "price_cents", nullable = false)
  long priceCents;

  @Column(nullable = false, length = 3)
  String currency;

  @Column(nullable = false)
  String[] features;

  @Column(name = "stripe_price_id")
  String stripePriceId;

  @Column(name = "apple_product_id")
  String appleProductId;

  @Column(name = "google_product_id")
  String googleProductId;

  @Column(name = "is_active", nullable = false)
  boolean active;

  @Version long version;

  @Column(name = "created_at", nullable = false, updatable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  /** The stored names of billing intervals; kept apart from the domain enum on purpose. */
  enum PlanInterval {
    NONE,
    MONTH,
    YEAR
  }
}
