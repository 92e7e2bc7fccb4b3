import { CreateRegions1764100000000 } from './1764100000000-CreateRegions';
import { CreateIdentity1764150000000 } from './1764150000000-CreateIdentity';
import { CreateEmailOutbox1764300000000 } from './1764300000000-CreateEmailOutbox';
import { CreateCatalogue1764500000000 } from './1764500000000-CreateCatalogue';
import { CreateIdempotencyRecords1764800000000 } from './1764800000000-CreateIdempotencyRecords';
import { CreateEnrollments1764800001000 } from './1764800001000-CreateEnrollments';
import { CreateCertificates1764900000000 } from './1764900000000-CreateCertificates';
import { CreatePlacements1765000000000 } from './1765000000000-CreatePlacements';
import { CreateFollowups1765100000000 } from './1765100000000-CreateFollowups';
import { CreateInsertionRollup1765200000000 } from './1765200000000-CreateInsertionRollup';
import { InsertionRollupMonthlyAndNotify1765300000000 } from './1765300000000-InsertionRollupMonthlyAndNotify';
import { EnrollmentCompletionAttestation1765410000000 } from './1765410000000-EnrollmentCompletionAttestation';
import { EmailOutboxSendMarker1765412000000 } from './1765412000000-EmailOutboxSendMarker';
import { RevocationReasonCodes1765420000000 } from './1765420000000-RevocationReasonCodes';
import { CreatePublicIndicatorRelease1765460000000 } from './1765460000000-CreatePublicIndicatorRelease';
import { UserPhone1765480000000 } from './1765480000000-UserPhone';
import { AccountErasure1796540400000 } from './1796540400000-AccountErasure';
import { ConsentHistory1796541000000 } from './1796541000000-ConsentHistory';
import { RectificationRequests1796541060000 } from './1796541060000-RectificationRequests';
import { CourseBaselineVisibleToTrainers1796541120000 } from './1796541120000-CourseBaselineVisibleToTrainers';
import { EmailConfirmation1796541600000 } from './1796541600000-EmailConfirmation';
import { EarlyCompletionReason1796542100000 } from './1796542100000-EarlyCompletionReason';
import { CalendarFeedsAndMeetingReminders1796542110000 } from './1796542110000-CalendarFeedsAndMeetingReminders';
import { CertificateSha256Index1796542200000 } from './1796542200000-CertificateSha256Index';
import { ForgivingSearch1796542300000 } from './1796542300000-ForgivingSearch';
import { SituationInactive1796542310000 } from './1796542310000-SituationInactive';
import { CertificateReplacement1796542400000 } from './1796542400000-CertificateReplacement';
import { CertificateCredentials1796542600000 } from './1796542600000-CertificateCredentials';
import { ObservatoryFoundation1796543000000 } from './1796543000000-ObservatoryFoundation';
import { CreatePublications1796543100000 } from './1796543100000-CreatePublications';
import { ObservatoryIndexHistory1796543200000 } from './1796543200000-ObservatoryIndexHistory';
import { KnowledgeTools1796543300000 } from './1796543300000-KnowledgeTools';
import { CreatePartnerships1796543350000 } from './1796543350000-CreatePartnerships';
import { CertificateCredentialJwt1796543400000 } from './1796543400000-CertificateCredentialJwt';
import { ImpactTargetsAndReports1796543500000 } from './1796543500000-ImpactTargetsAndReports';
import { Quizzes1796543600000 } from './1796543600000-Quizzes';
import { PracticeLibrary1796543700000 } from './1796543700000-PracticeLibrary';
import { SearchDocuments1796543800000 } from './1796543800000-SearchDocuments';
import { SearchWords1796543810000 } from './1796543810000-SearchWords';
import { Assignments1796543900000 } from './1796543900000-Assignments';
import { ModuleMaterial1796544000000 } from './1796544000000-ModuleMaterial';
import { AnnouncementsAndNotifications1796544100000 } from './1796544100000-AnnouncementsAndNotifications';
import { SearchRanking1796544200000 } from './1796544200000-SearchRanking';

/** Every migration, oldest first. A new migration is added here as well as in its file. */
export const MIGRATIONS = [
  CreateRegions1764100000000,
  CreateIdentity1764150000000,
  CreateEmailOutbox1764300000000,
  CreateCatalogue1764500000000,
  CreateIdempotencyRecords1764800000000,
  CreateEnrollments1764800001000,
  CreateCertificates1764900000000,
  CreatePlacements1765000000000,
  CreateFollowups1765100000000,
  CreateInsertionRollup1765200000000,
  InsertionRollupMonthlyAndNotify1765300000000,
  EnrollmentCompletionAttestation1765410000000,
  EmailOutboxSendMarker1765412000000,
  RevocationReasonCodes1765420000000,
  CreatePublicIndicatorRelease1765460000000,
  UserPhone1765480000000,
  AccountErasure1796540400000,
  ConsentHistory1796541000000,
  RectificationRequests1796541060000,
  CourseBaselineVisibleToTrainers1796541120000,
  EmailConfirmation1796541600000,
  EarlyCompletionReason1796542100000,
  CalendarFeedsAndMeetingReminders1796542110000,
  CertificateSha256Index1796542200000,
  ForgivingSearch1796542300000,
  SituationInactive1796542310000,
  CertificateReplacement1796542400000,
  CertificateCredentials1796542600000,
  ObservatoryFoundation1796543000000,
  CreatePublications1796543100000,
  ObservatoryIndexHistory1796543200000,
  KnowledgeTools1796543300000,
  CreatePartnerships1796543350000,
  CertificateCredentialJwt1796543400000,
  ImpactTargetsAndReports1796543500000,
  Quizzes1796543600000,
  PracticeLibrary1796543700000,
  SearchDocuments1796543800000,
  SearchWords1796543810000,
  Assignments1796543900000,
  ModuleMaterial1796544000000,
  AnnouncementsAndNotifications1796544100000,
  SearchRanking1796544200000,
];
