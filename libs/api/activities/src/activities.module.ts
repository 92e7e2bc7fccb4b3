import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@oris/api/catalogue';
import { IdentityModule } from '@oris/api/identity';
import { RawUploadBodyParser } from '@oris/api/platform';
import { NotificationsModule } from '@oris/api/notifications';
import { AssignmentCopier } from './copy/assignment-copier';
import { AssignmentSettings } from './assignments/assignment-settings.service';
import { QuizAttempts } from './attempts/attempt.service';
import { QuestionBank } from './bank/question-bank.service';
import { AssignmentAccess } from './common/assignment-access';
import { QuizAccess } from './common/quiz-access';
import { AssignmentErasure } from './erasure/assignment-erasure';
import { QuizErasure } from './erasure/quiz-erasure';
import { QuizClock } from './common/quiz-clock';
import { QuizCopier } from './copy/quiz-copier';
import { AssignmentFile } from './entities/assignment-file.entity';
import { AssignmentSubmission } from './entities/assignment-submission.entity';
import { Assignment } from './entities/assignment.entity';
import { QuizAnswer } from './entities/quiz-answer.entity';
import { QuizAttempt } from './entities/quiz-attempt.entity';
import { QuizQuestion } from './entities/quiz-question.entity';
import { Quiz } from './entities/quiz.entity';
import { Gradebook } from './gradebook/gradebook.service';
import { AssignmentGrading } from './grading/assignment-grading.service';
import { FeedbackEmail } from './grading/feedback-email';
import { AssignmentFilesController } from './http/assignment-files.controller';
import { SessionGradingController, SubmissionGradingController } from './http/grading.controller';
import { LearnerAssignmentController } from './http/learner-assignment.controller';
import { ModuleAssignmentController } from './http/module-assignment.controller';
import { QuestionBankController } from './http/question-bank.controller';
import { LearnerQuizController, QuizAttemptsController } from './http/learner-quiz.controller';
import { ModuleQuizController, QuizResultsController } from './http/quiz-settings.controller';
import { QuizSettings } from './quiz/quiz-settings.service';
import { QuizResults } from './results/quiz-results.service';
import { DemoAssignment } from './seed/demo-assignment';
import { DemoQuiz } from './seed/demo-quiz';
import { AssignmentFiles } from './submissions/assignment-files';
import { AssignmentSubmissions } from './submissions/assignment-submissions.service';

/**
 * Learning activities in modules: quizzes (question bank, settings, attempts, results) and
 * assignments (submissions, rubric grading, feedback, the grading queue and the gradebook).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      QuizQuestion,
      Quiz,
      QuizAttempt,
      QuizAnswer,
      Assignment,
      AssignmentSubmission,
      AssignmentFile,
    ]),
    IdentityModule,
    CatalogueModule,
    NotificationsModule,
  ],
  controllers: [
    QuestionBankController,
    ModuleQuizController,
    QuizResultsController,
    LearnerQuizController,
    QuizAttemptsController,
    ModuleAssignmentController,
    LearnerAssignmentController,
    SessionGradingController,
    SubmissionGradingController,
    AssignmentFilesController,
  ],
  providers: [
    QuizAccess,
    QuizClock,
    QuizCopier,
    QuestionBank,
    QuizSettings,
    QuizAttempts,
    QuizResults,
    DemoQuiz,
    AssignmentAccess,
    AssignmentSettings,
    AssignmentFiles,
    AssignmentSubmissions,
    AssignmentGrading,
    FeedbackEmail,
    Gradebook,
    AssignmentCopier,
    RawUploadBodyParser,
    DemoAssignment,
    AssignmentErasure,
    QuizErasure,
  ],
  // DemoQuiz, DemoAssignment: for the CLI's demo seed only. QuizClock: tests move it.
  // AssignmentCopier: the course duplication's assignments step (catalogue's extension point).
  exports: [
    QuizClock,
    DemoQuiz,
    DemoAssignment,
    QuestionBank,
    QuizSettings,
    QuizAttempts,
    AssignmentCopier,
  ],
})
export class ActivitiesModule {}
