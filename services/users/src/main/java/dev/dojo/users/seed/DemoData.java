package dev.dojo.users.seed;

import dev.dojo.users.account.Accounts;
import dev.dojo.users.account.DuplicateAccount;
import dev.dojo.users.account.UserRepository;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Loads the demo accounts when {@code dojo.seed-demo=true} (env {@code DOJO_SEED_DEMO}): the original's two seed
 * users and an admin. A dev-only startup step, never a migration, so production databases never get them.
 * Idempotent: accounts that exist already are left alone. The seed passwords ("test") are shorter than the
 * registration rules allow; that is the contract's data, and only this step can create such accounts.
 */
@Singleton
@Requires(property = "dojo.seed-demo", value = "true")
public class DemoData implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    record DemoAccount(String username, String email, String password, boolean admin) {
        @Override
        public String toString() {
            return "DemoAccount[" + username + "]";
        }
    }

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("michael", "michael@realpython.com", "test", false),
            new DemoAccount("michaelherman", "michael@mherman.org", "test", false),
            new DemoAccount("dojoadmin", "admin@dojo.dev", "dojo-admin-password", true));

    private final Accounts accounts;
    private final UserRepository users;

    public DemoData(Accounts accounts, UserRepository users) {
        this.accounts = accounts;
        this.users = users;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        int added = 0;
        for (DemoAccount demo : ACCOUNTS) {
            if (users.findByEmailIgnoringCase(demo.email()).isPresent()) {
                continue;
            }
            try {
                accounts.create(demo.username(), demo.email(), demo.password(), demo.admin());
                added++;
            } catch (DuplicateAccount raced) {
                // another instance seeded it first: the goal is met
            }
        }
        LOG.info("Demo data: {}", describe(added, ACCOUNTS.size()));
    }

    /** Says what happened, not a formula: "added the 3 demo accounts", "all 3 demo accounts already there", … */
    static String describe(int added, int total) {
        if (added == total) {
            return "added the " + total + " demo accounts";
        }
        if (added == 0) {
            return "all " + total + " demo accounts already there, nothing added";
        }
        return "added " + added + " missing demo account" + (added == 1 ? "" : "s") + "; "
                + (total - added) + " already there";
    }
}
