package dev.videotutorials.app.system;

import dev.videotutorials.app.aggregators.homepage.HomePageAggregator;
import dev.videotutorials.app.aggregators.usercredentials.UserCredentialsAggregator;
import dev.videotutorials.app.components.identity.IdentityComponent;
import dev.videotutorials.app.components.sendemail.Mailer;
import dev.videotutorials.app.components.sendemail.PickupDirectoryMailer;
import dev.videotutorials.app.components.sendemail.SendEmailComponent;
import dev.videotutorials.app.components.sendemail.SmtpMailer;
import dev.videotutorials.app.components.sendemail.SmtpSettings;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.consumer.Consumer;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The system's aggregators and components, wired from the settings. */
public final class DomainConsumers implements ConsumerCatalog {

  private final MessageStore store;
  private final DataSource viewDatabase;
  private final Settings settings;

  public DomainConsumers(MessageStore store, DataSource viewDatabase, Settings settings) {
    this.store = store;
    this.viewDatabase = viewDatabase;
    this.settings = settings;
  }

  @Override
  public List<Consumer> aggregators() {
    List<Consumer> consumers = new ArrayList<>();
    consumers.addAll(new HomePageAggregator(store, viewDatabase).consumers());
    consumers.addAll(new UserCredentialsAggregator(store, viewDatabase).consumers());
    return consumers;
  }

  @Override
  public List<Consumer> components() {
    List<Consumer> consumers = new ArrayList<>();
    consumers.addAll(new IdentityComponent(store).consumers());
    consumers.addAll(new SendEmailComponent(store, mailer(), settings.senderAddress()).consumers());
    return consumers;
  }

  private Mailer mailer() {
    EmailDelivery delivery = settings.emailDelivery();
    if (delivery instanceof EmailDelivery.Smtp smtp) {
      return new SmtpMailer(new SmtpSettings(smtp.host(), smtp.port(), smtp.username(), smtp.password(),
          SmtpSettings.Tls.valueOf(smtp.tls().name())));
    }
    return new PickupDirectoryMailer(((EmailDelivery.PickupDirectory) delivery).directory());
  }
}
