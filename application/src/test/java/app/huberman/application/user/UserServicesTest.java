package app.huberman.application.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.application.shared.CountingRateLimiter;
import app.huberman.application.shared.DirectUnitOfWork;
import app.huberman.application.shared.MutableClock;
import app.huberman.application.shared.RateLimitedException;
import app.huberman.application.shared.ValidationException;
import app.huberman.application.user.port.in.Authenticated;
import app.huberman.application.user.port.in.DeleteAccountUseCase.DeleteAccountCommand;
import app.huberman.application.user.port.in.InvalidCredentialsException;
import app.huberman.application.user.port.in.LogInUseCase;
import app.huberman.application.user.port.in.LogInUseCase.LogInCommand;
import app.huberman.application.user.port.in.ProfileView;
import app.huberman.application.user.port.in.RegisterUserUseCase.RegisterUserCommand;
import app.huberman.application.user.port.in.RequestPasswordResetUseCase.RequestPasswordResetCommand;
import app.huberman.application.user.port.in.ResetPasswordUseCase.ResetPasswordCommand;
import app.huberman.application.user.port.in.SignedIn;
import app.huberman.application.user.port.in.UpdateProfileUseCase.UpdateProfileCommand;
import app.huberman.application.user.port.out.AdminAuditPort;
import app.huberman.application.user.port.out.CommonPasswordsPort;
import app.huberman.application.user.port.out.PasswordHasherPort;
import app.huberman.application.user.port.out.UserEventsPort;
import app.huberman.application.user.service.AuthenticateService;
import app.huberman.application.user.service.DeleteAccountService;
import app.huberman.application.user.service.LogInService;
import app.huberman.application.user.service.LogOutService;
import app.huberman.application.user.service.MakeAdminService;
import app.huberman.application.user.service.NewPasswords;
import app.huberman.application.user.service.PasswordConfirmation;
import app.huberman.application.user.service.PasswordGuessLimit;
import app.huberman.application.user.service.PerClientLimit;
import app.huberman.application.user.service.RegisterUserService;
import app.huberman.application.user.service.RequestPasswordResetService;
import app.huberman.application.user.service.ResetPasswordService;
import app.huberman.application.user.service.RevokeAdminService;
import app.huberman.application.user.service.SendEmailChangedNoticeHandler;
import app.huberman.application.user.service.SendPasswordResetEmailHandler;
import app.huberman.application.user.service.ShowProfileService;
import app.huberman.application.user.service.SignOutEverywhere;
import app.huberman.application.user.service.TokenIssuer;
import app.huberman.application.user.service.TokenVerdictCache;
import app.huberman.application.user.service.UpdateProfileService;
import app.huberman.application.user.service.UserSettings;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import app.huberman.domain.user.Device;
import app.huberman.domain.user.DevicePlatform;
import app.huberman.domain.user.DeviceToken;
import app.huberman.domain.user.Email;
import app.huberman.domain.user.PasswordHash;
import app.huberman.domain.user.PasswordPolicy;
import app.huberman.domain.user.Role;
import app.huberman.domain.user.User;
import app.huberman.domain.user.UserId;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The users services with in-memory fakes, a fixed clock and a direct unit of work, each built with
 * the ports its use case needs (as UserWiring builds them).
 */
class UserServicesTest {

  private static final String PASSWORD = "correct horse battery staple";
  private static final String IP = "192.0.2.7";

  /** Hashes as "v1:" + password; "v0:" hashes need a rehash. */
  private static final class FakeHasher implements PasswordHasherPort {
    int dummyVerifications;
    int verifications;

    /** Runs after each verification: what another request does meanwhile. */
    Runnable meanwhile = () -> {};

    @Override
    public PasswordHash hash(String password) {
      return new PasswordHash("$v1:" + password);
    }

    @Override
    public boolean verify(String password, PasswordHash hash) {
      verifications++;
      boolean matches = hash.phc().substring(4).equals(password);
      meanwhile.run();
      return matches;
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
      return !hash.phc().startsWith("$v1:");
    }

    @Override
    public void verifyAgainstDummy(String password) {
      dummyVerifications++;
    }
  }

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
  private final InMemoryUserRepository users = new InMemoryUserRepository();
  private final InMemoryAccessTokenRepository tokens = InMemoryAccessTokenRepository.of(users);
  private final InMemoryDeviceRepository devices = InMemoryDeviceRepository.of(users);
  private final InMemoryPasswordResetTokenRepository resets =
      new InMemoryPasswordResetTokenRepository();
  private final FakeHasher hasher = new FakeHasher();
  private final CountingRateLimiter limiter = new CountingRateLimiter();
  private final List<String> events = new ArrayList<>();
  private final List<Map.Entry<JobType, JobPayload>> jobs = new ArrayList<>();
  private final RecordingMailer mailer = new RecordingMailer();
  private final DirectUnitOfWork unitOfWork = new DirectUnitOfWork();
  private final UserSettings settings =
      new UserSettings(Duration.ofDays(7), "https://app.test/reset");
  private final JobQueuePort queue =
      batch ->
          batch.stream()
              .map(
                  job -> {
                    jobs.add(Map.entry(job.type(), job.payload()));
                    return Optional.of(UUID.randomUUID());
                  })
              .toList();
  private final UserEventsPort recorder = recordingEvents();
  private final CommonPasswordsPort commonPasswords = Set.of("password123")::contains;

  private final AuthenticateService authentication =
      new AuthenticateService(tokens, unitOfWork, clock);
  private final TokenVerdictCache verdicts = new TokenVerdictCache(authentication, clock);
  private final PerClientLimit perClient = new PerClientLimit(limiter, recorder);
  private final PasswordGuessLimit guesses = new PasswordGuessLimit(limiter, recorder);
  private final PasswordConfirmation confirmation = new PasswordConfirmation(hasher, guesses);
  private final NewPasswords newPasswords =
      new NewPasswords(new PasswordPolicy(commonPasswords::isCommon), hasher);
  private final TokenIssuer issuer = new TokenIssuer(tokens, settings.tokenTtl());
  private final SignOutEverywhere sessions = new SignOutEverywhere(tokens, verdicts);

  private final RegisterUserService registration =
      new RegisterUserService(users, newPasswords, perClient, issuer, recorder, unitOfWork, clock);
  private final LogInService logIn =
      new LogInService(users, hasher, guesses, issuer, recorder, unitOfWork, clock);
  private final LogOutService logOut = new LogOutService(tokens, verdicts, recorder, unitOfWork);
  private final ShowProfileService showProfile = new ShowProfileService();
  private final UpdateProfileService profileUpdates =
      new UpdateProfileService(users, resets, confirmation, queue, verdicts, unitOfWork, clock);
  private final DeleteAccountService deletion =
      new DeleteAccountService(users, resets, confirmation, sessions, recorder, unitOfWork);
  private final RequestPasswordResetService resetRequests =
      new RequestPasswordResetService(perClient, recorder, queue, unitOfWork);
  private final ResetPasswordService passwordResets =
      new ResetPasswordService(
          users, resets, newPasswords, perClient, sessions, recorder, unitOfWork, clock);

  private SignedIn register(String email) {
    return registration.register(new RegisterUserCommand("Jane", email, PASSWORD, PASSWORD, IP));
  }

  private User stored(ProfileView profile) {
    return users.findById(profile.id()).orElseThrow();
  }

  @Test
  void registersWithAHashedPasswordAndATokenWhoseSecretIsNotStored() {
    SignedIn signedIn = register("jane@example.com");

    assertThat(signedIn.token()).matches("\\d+\\|[A-Za-z0-9_-]{43}");
    String secret = signedIn.token().substring(signedIn.token().indexOf('|') + 1);
    assertThat(tokens.findById(Long.parseLong(signedIn.token().split("\\|")[0])))
        .hasValueSatisfying(
            token -> assertThat(token.secretHash()).hasSize(64).isNotEqualTo(secret));
    assertThat(stored(signedIn.user()).passwordHash().phc()).isEqualTo("$v1:" + PASSWORD);
    assertThat(events).containsExactly("registered");
  }

  @Test
  void registeringNeverGivesTheAdminRoleWhateverTheEmail() {
    assertThat(stored(register("admin@example.com").user()).role()).isEqualTo(Role.USER);
    assertThat(stored(register("boss@huberman.app").user()).role()).isEqualTo(Role.USER);
  }

  @Test
  void onlyTheAdminUseCasesChangeTheRoleAndEachChangeIsAudited() {
    ProfileView user = register("ops@example.com").user();
    List<String> audit = new ArrayList<>();
    AdminAuditPort auditTrail =
        new AdminAuditPort() {
          @Override
          public void adminGranted(UserId granted) {
            audit.add("granted " + granted.value());
          }

          @Override
          public void adminRevoked(UserId revoked) {
            audit.add("revoked " + revoked.value());
          }
        };
    MakeAdminService makeAdmin = new MakeAdminService(users, unitOfWork, auditTrail, clock);
    RevokeAdminService revokeAdmin = new RevokeAdminService(users, unitOfWork, auditTrail, clock);

    assertThat(makeAdmin.makeAdmin("OPS@example.com")).isTrue();
    boolean adminAfterGrant = users.findById(user.id()).orElseThrow().isAdmin();
    assertThat(revokeAdmin.revokeAdmin("ops@example.com")).isTrue();

    assertThat(adminAfterGrant).isTrue();
    assertThat(users.findById(user.id()).orElseThrow().isAdmin()).isFalse();
    assertThat(audit)
        .containsExactly("granted " + user.id().value(), "revoked " + user.id().value());
    assertThat(makeAdmin.makeAdmin("nobody@example.com")).isFalse();
    assertThat(revokeAdmin.revokeAdmin("not an email")).isFalse();
    assertThat(audit).hasSize(2);
  }

  @Test
  void refusesATakenEmailInAnyCaseAndACommonPassword() {
    register("jane@example.com");

    assertThatThrownBy(() -> register("JANE@example.com"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .containsEntry("email", List.of("The email has already been taken.")));
    assertThatThrownBy(
            () ->
                registration.register(
                    new RegisterUserCommand(
                        "J", "j2@example.com", "password123", "password123", IP)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.errors()).containsKey("password"));
  }

  @Test
  void aWrongPasswordAndAnUnknownEmailFailAlikeAfterTheSameWork() {
    register("jane@example.com");

    assertThatThrownBy(() -> logIn.logIn(new LogInCommand("jane@example.com", "nope", IP)))
        .isInstanceOf(InvalidCredentialsException.class);
    assertThatThrownBy(() -> logIn.logIn(new LogInCommand("ghost@example.com", PASSWORD, IP)))
        .isInstanceOf(InvalidCredentialsException.class);
    assertThat(hasher.dummyVerifications).isEqualTo(1);
  }

  @Test
  void theSixthFailureOfAnEmailFromOneClientIsRefusedEvenWithTheRightPassword() {
    register("jane@example.com");
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> logIn.logIn(new LogInCommand("jane@example.com", "nope", IP)))
          .isInstanceOf(InvalidCredentialsException.class);
    }

    assertThatThrownBy(() -> logIn.logIn(new LogInCommand("jane@example.com", PASSWORD, IP)))
        .isInstanceOfSatisfying(
            RateLimitedException.class, e -> assertThat(e.retryAfter()).hasSeconds(42));
    assertThat(logIn.logIn(new LogInCommand("jane@example.com", PASSWORD, "192.0.2.8")).user())
        .isNotNull();
    assertThat(events).contains("rate_limited:login");
  }

  @Test
  void anAdmittedLoginIsCountedAtOnceAndAWithdrawnOneIsGivenBackUnchecked() {
    register("jane@example.com");
    LogInCommand wrong = new LogInCommand("jane@example.com", "nope", IP);
    for (int i = 0; i < 5; i++) {
      logIn.admit(wrong).withdraw(); // the server was busy: never checked
    }
    List<LogInUseCase.Admitted> admitted = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      admitted.add(logIn.admit(wrong));
    }

    assertThatThrownBy(() -> logIn.admit(wrong))
        .as("five attempts in flight already count")
        .isInstanceOf(RateLimitedException.class);
    assertThat(hasher.verifications).isZero();
    assertThat(admitted)
        .allSatisfy(
            login ->
                assertThatThrownBy(login::complete)
                    .isInstanceOf(InvalidCredentialsException.class));
  }

  @Test
  void twentyFailuresOfOneAccountFromAnywhereBlockItEverywhereForAWhile() {
    register("jane@example.com");
    for (int i = 0; i < 20; i++) {
      String botnetMember = "203.0.113." + i;
      assertThatThrownBy(
              () -> logIn.logIn(new LogInCommand("jane@example.com", "nope", botnetMember)))
          .isInstanceOf(InvalidCredentialsException.class);
    }

    assertThatThrownBy(
            () -> logIn.logIn(new LogInCommand("jane@example.com", PASSWORD, "198.51.100.1")))
        .isInstanceOf(RateLimitedException.class);
    assertThatThrownBy(
            () -> logIn.logIn(new LogInCommand("john@example.org", "nope", "198.51.100.1")))
        .as("another account is not affected")
        .isInstanceOf(InvalidCredentialsException.class);
  }

  @Test
  void anIpv6ClientCountsAsItsWholeSlash64() {
    register("jane@example.com");
    for (int i = 1; i <= 5; i++) {
      String address = "2001:db8:1:2::" + Integer.toHexString(i * 4099);
      assertThatThrownBy(() -> logIn.logIn(new LogInCommand("jane@example.com", "nope", address)))
          .isInstanceOf(InvalidCredentialsException.class);
    }

    assertThatThrownBy(
            () ->
                logIn.logIn(new LogInCommand("jane@example.com", PASSWORD, "2001:db8:1:2:ffff::1")))
        .isInstanceOf(RateLimitedException.class);
    assertThat(
            logIn.logIn(new LogInCommand("jane@example.com", PASSWORD, "2001:db8:1:3::1")).user())
        .isNotNull();
  }

  @Test
  void rightPasswordsAreNotCountedAsGuesses() {
    register("jane@example.com");
    for (int i = 0; i < 30; i++) {
      logIn.logIn(new LogInCommand("jane@example.com", PASSWORD, IP));
    }
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> logIn.logIn(new LogInCommand("jane@example.com", "nope", IP)))
          .isInstanceOf(InvalidCredentialsException.class);
    }

    assertThat(logIn.logIn(new LogInCommand("jane@example.com", PASSWORD, IP)).user()).isNotNull();
    assertThatThrownBy(() -> logIn.logIn(new LogInCommand("jane@example.com", "nope", IP)))
        .as("the fifth failure is still allowed: the successes did not count")
        .isInstanceOf(InvalidCredentialsException.class);
  }

  @Test
  void rehashesAnOldHashOnLogin() {
    users.add(
        UserTestData.aUser()
            .withId(users.nextId())
            .withEmail("old@example.com")
            .withPasswordHash("$v0:" + PASSWORD)
            .build());

    logIn.logIn(new LogInCommand("old@example.com", PASSWORD, IP));

    assertThat(users.findByEmail(Email.of("old@example.com")).orElseThrow().passwordHash().phc())
        .isEqualTo("$v1:" + PASSWORD);
  }

  @Test
  void aRehashOnLoginNeverUndoesAPasswordResetMadeWhileTheOldPasswordWasVerified() {
    users.add(
        UserTestData.aUser()
            .withId(users.nextId())
            .withEmail("raced@example.com")
            .withPasswordHash("$v0:" + PASSWORD)
            .build());
    hasher.meanwhile =
        () -> {
          hasher.meanwhile = () -> {};
          User stored = users.findByEmail(Email.of("raced@example.com")).orElseThrow();
          stored.changePassword(new PasswordHash("$v1:the reset one"), clock.instant());
          users.update(stored);
        };

    logIn.logIn(new LogInCommand("raced@example.com", PASSWORD, IP));

    assertThat(users.findByEmail(Email.of("raced@example.com")).orElseThrow().passwordHash().phc())
        .isEqualTo("$v1:the reset one");
  }

  @Test
  void aTokenAuthenticatesUntilItExpiresOrIsRevokedAndItsUseIsRecordedOnceAMinute() {
    SignedIn signedIn = register("jane@example.com");
    long id = Long.parseLong(signedIn.token().split("\\|")[0]);

    Optional<Authenticated> caller = authentication.authenticate(signedIn.token());

    assertThat(caller)
        .hasValueSatisfying(c -> assertThat(c.userId()).isEqualTo(signedIn.user().id()));
    assertThat(tokens.findById(id).orElseThrow().lastUsedAt()).contains(clock.instant());
    clock.advance(Duration.ofSeconds(30));
    authentication.authenticate(signedIn.token());
    assertThat(tokens.findById(id).orElseThrow().lastUsedAt())
        .contains(clock.instant().minusSeconds(30));
    assertThat(authentication.authenticate(signedIn.token() + "x")).isEmpty();
    assertThat(authentication.authenticate("garbage")).isEmpty();
    clock.advance(Duration.ofDays(7));
    assertThat(authentication.authenticate(signedIn.token())).isEmpty();
  }

  @Test
  void aLogoutIsFeltAtOnceAndOtherRevocationsWithinASecond() {
    SignedIn first = register("jane@example.com");
    SignedIn second = logIn.logIn(new LogInCommand("jane@example.com", PASSWORD, IP));
    Authenticated caller = verdicts.authenticate(first.token()).orElseThrow();
    verdicts.authenticate(second.token());

    logOut.logOut(caller, IP);
    tokens.deleteAllOf(caller.userId()); // revoked elsewhere, e.g. by another instance

    assertThat(verdicts.authenticate(first.token())).isEmpty();
    assertThat(verdicts.authenticate(second.token()))
        .as("remembered for up to a second")
        .isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(verdicts.authenticate(second.token())).isEmpty();
  }

  @Test
  void theProfileIsTheAccountAsTheTokenCheckReadItAndAChangeHereShowsAtOnce() {
    SignedIn signedIn = register("jane@example.com");
    Authenticated caller = verdicts.authenticate(signedIn.token()).orElseThrow();

    ProfileView shown = showProfile.showProfile(caller);
    assertThat(shown).isEqualTo(signedIn.user()).isEqualTo(ProfileView.of(stored(shown)));

    ProfileView updated =
        profileUpdates.updateProfile(
            new UpdateProfileCommand(shown.id(), "Janet", "jane@example.com", null, IP));

    assertThat(updated).isEqualTo(ProfileView.of(stored(shown)));
    assertThat(updated.name()).isEqualTo("Janet");
    assertThat(showProfile.showProfile(verdicts.authenticate(signedIn.token()).orElseThrow()))
        .as("the update made the verdict cache forget the account")
        .isEqualTo(updated);
  }

  @Test
  void aPasswordResetOrAnAccountDeletionHereIsFeltAtOnce() {
    SignedIn jane = register("jane@example.com");
    SignedIn john = register("john@example.com");
    assertThat(verdicts.authenticate(jane.token())).isPresent();
    assertThat(verdicts.authenticate(john.token())).isPresent();
    String token = mailedResetToken("jane@example.com");

    passwordResets.resetPassword(
        new ResetPasswordCommand(
            token, "jane@example.com", "a new passphrase", "a new passphrase", IP));
    deletion.deleteAccount(new DeleteAccountCommand(john.user().id(), PASSWORD, IP));

    assertThat(verdicts.authenticate(jane.token())).isEmpty();
    assertThat(verdicts.authenticate(john.token())).isEmpty();
  }

  @Test
  void anEmailChangeNotifiesTheOldAddressThroughTheQueue() {
    SignedIn signedIn = register("jane@example.com");

    profileUpdates.updateProfile(
        new UpdateProfileCommand(signedIn.user().id(), "Jane", "new@example.com", PASSWORD, IP));

    assertThat(jobs)
        .singleElement()
        .satisfies(
            job -> {
              assertThat(job.getKey().value()).isEqualTo("mail.email-changed");
              assertThat(job.getValue().require("to")).isEqualTo("jane@example.com");
            });

    new SendEmailChangedNoticeHandler(mailer).handle(jobs.getFirst().getValue());

    assertThat(mailer.sent)
        .singleElement()
        .satisfies(
            mail -> {
              assertThat(mail.kind()).isEqualTo("email-changed");
              assertThat(mail.to().value()).isEqualTo("jane@example.com");
              assertThat(mail.detail()).isNotEqualTo("new@example.com").contains("@example.com");
            });
  }

  @Test
  void changingTheEmailNeedsTheCurrentPasswordAndVoidsTheOldAddressesResetLinks() {
    UserId id = register("jane@example.com").user().id();
    resetRequests.requestReset(new RequestPasswordResetCommand("jane@example.com", IP));
    new SendPasswordResetEmailHandler(users, resets, mailer, clock, settings)
        .handle(jobs.getFirst().getValue());
    assertThat(resets.findByEmail("jane@example.com")).isPresent();

    assertThatThrownBy(
            () ->
                profileUpdates.updateProfile(
                    new UpdateProfileCommand(id, "Jane", "thief@example.com", null, IP)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors()).containsOnlyKeys("current_password"));
    assertThatThrownBy(
            () ->
                profileUpdates.updateProfile(
                    new UpdateProfileCommand(id, "Jane", "thief@example.com", "guess", IP)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors().get("current_password"))
                    .containsExactly("The password is incorrect."));
    profileUpdates.updateProfile(
        new UpdateProfileCommand(id, "Janet", "jane@example.com", null, IP));
    assertThat(users.findById(id).orElseThrow().name())
        .as("a name alone needs no password")
        .isEqualTo("Janet");

    profileUpdates.updateProfile(
        new UpdateProfileCommand(id, "Jane", "new@example.com", PASSWORD, IP));

    assertThat(users.findById(id).orElseThrow().email().value()).isEqualTo("new@example.com");
    assertThat(resets.findByEmail("jane@example.com")).isEmpty();
  }

  @Test
  void passwordChecksOfASignedInUserShareTheLoginLimit() {
    SignedIn signedIn = register("jane@example.com");
    UserId id = signedIn.user().id();

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> deletion.deleteAccount(new DeleteAccountCommand(id, "nope", IP)))
          .isInstanceOf(ValidationException.class);
    }
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(
              () ->
                  profileUpdates.updateProfile(
                      new UpdateProfileCommand(id, "Jane", "x@example.com", "nope", IP)))
          .isInstanceOf(ValidationException.class);
    }

    assertThatThrownBy(() -> deletion.deleteAccount(new DeleteAccountCommand(id, PASSWORD, IP)))
        .as("the right password too, once the limit is reached")
        .isInstanceOf(RateLimitedException.class);
    assertThatThrownBy(() -> logIn.logIn(new LogInCommand("jane@example.com", PASSWORD, IP)))
        .isInstanceOf(RateLimitedException.class);
    assertThat(users.findById(id)).isPresent();
  }

  @Test
  void aResetIsRequestedAlikeForAnyEmailAndItsLinkWorksOnce() {
    register("jane@example.com");
    resetRequests.requestReset(new RequestPasswordResetCommand("jane@example.com", IP));
    resetRequests.requestReset(new RequestPasswordResetCommand("ghost@example.com", IP));
    assertThat(jobs).hasSize(2);
    SendPasswordResetEmailHandler handler =
        new SendPasswordResetEmailHandler(users, resets, mailer, clock, settings);

    jobs.forEach(job -> handler.handle(job.getValue()));

    assertThat(mailer.sent)
        .singleElement()
        .satisfies(
            mail -> {
              assertThat(mail.kind()).isEqualTo("password-reset");
              assertThat(mail.to().value()).isEqualTo("jane@example.com");
            });
    Matcher link = Pattern.compile("token=([^&]+)&email=").matcher(mailer.sent.getFirst().detail());
    assertThat(link.find()).isTrue();
    String token = URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);
    assertThat(resets.findByEmail("jane@example.com").orElseThrow().tokenHash())
        .isNotEqualTo(token);
    ResetPasswordCommand reset =
        new ResetPasswordCommand(
            token, "jane@example.com", "a new passphrase", "a new passphrase", IP);

    passwordResets.resetPassword(reset);

    assertThat(logIn.logIn(new LogInCommand("jane@example.com", "a new passphrase", IP)))
        .isNotNull();
    assertThatThrownBy(() -> passwordResets.resetPassword(reset))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.errors()).containsKey("token"));
  }

  @Test
  void aResetLinkExpiresAfterAnHour() {
    register("jane@example.com");
    String token = mailedResetToken("jane@example.com");
    clock.advance(Duration.ofMinutes(60));

    assertThatThrownBy(
            () ->
                passwordResets.resetPassword(
                    new ResetPasswordCommand(
                        token, "jane@example.com", "a new passphrase", "a new passphrase", IP)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void deletingTheAccountTakesItsTokensAndDevicesAndNeedsThePassword() {
    SignedIn signedIn = register("jane@example.com");
    UserId id = signedIn.user().id();
    devices.addIfTokenFree(
        Device.register(
            devices.nextId(),
            id,
            DeviceToken.of("janes-push-token"),
            DevicePlatform.IOS,
            Optional.empty(),
            clock.instant()));

    assertThatThrownBy(() -> deletion.deleteAccount(new DeleteAccountCommand(id, "nope", IP)))
        .isInstanceOf(ValidationException.class);
    deletion.deleteAccount(new DeleteAccountCommand(id, PASSWORD, IP));

    assertThat(users.findById(id)).isEmpty();
    assertThat(authentication.authenticate(signedIn.token())).isEmpty();
    assertThat(devices.findAllOf(id)).isEmpty();
    assertThat(events).endsWith("deleted");
  }

  /** Asks for a reset link, runs the job that mails it, and reads the token from the link. */
  private String mailedResetToken(String email) {
    resetRequests.requestReset(new RequestPasswordResetCommand(email, IP));
    new SendPasswordResetEmailHandler(users, resets, mailer, clock, settings)
        .handle(jobs.getLast().getValue());
    Matcher link = Pattern.compile("token=([^&]+)&email=").matcher(mailer.sent.getLast().detail());
    assertThat(link.find()).isTrue();
    return URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);
  }

  private UserEventsPort recordingEvents() {
    return new UserEventsPort() {
      @Override
      public void registered(UserId user, String clientIp) {
        events.add("registered");
      }

      @Override
      public void loginSucceeded(UserId user, String clientIp) {
        events.add("login_succeeded");
      }

      @Override
      public void loginFailed(Email attempted, String clientIp) {
        events.add("login_failed");
      }

      @Override
      public void rateLimited(String action, String clientIp) {
        events.add("rate_limited:" + action);
      }

      @Override
      public void loggedOut(UserId user, String clientIp) {
        events.add("logout");
      }

      @Override
      public void passwordResetRequested(Email requested, String clientIp) {
        events.add("reset_requested");
      }

      @Override
      public void passwordResetCompleted(UserId user, String clientIp) {
        events.add("reset_completed");
      }

      @Override
      public void deleted(UserId user, String clientIp) {
        events.add("deleted");
      }
    };
  }
}
