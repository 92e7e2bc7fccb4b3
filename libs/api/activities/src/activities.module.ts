import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@oris/api/catalogue';
import { IdentityModule } from '@oris/api/identity';
import { QuizAttempts } from './attempts/attempt.service';
import { QuestionBank } from './bank/question-bank.service';
import { QuizAccess } from './common/quiz-access';
import { QuizClock } from './common/quiz-clock';
import { QuizCopier } from './copy/quiz-copier';
import { QuizAnswer } from './entities/quiz-answer.entity';
import { QuizAttempt } from './entities/quiz-attempt.entity';
import { QuizQuestion } from './entities/quiz-question.entity';
import { Quiz } from './entities/quiz.entity';
import { QuestionBankController } from './http/question-bank.controller';
import { LearnerQuizController, QuizAttemptsController } from './http/learner-quiz.controller';
import { ModuleQuizController, QuizResultsController } from './http/quiz-settings.controller';
import { QuizSettings } from './quiz/quiz-settings.service';
import { QuizResults } from './results/quiz-results.service';
import { DemoQuiz } from './seed/demo-quiz';

/** Learning activities in modules: quizzes (question bank, settings, attempts, results). */
@Module({
  imports: [
    TypeOrmModule.forFeature([QuizQuestion, Quiz, QuizAttempt, QuizAnswer]),
    IdentityModule,
    CatalogueModule,
  ],
  controllers: [
    QuestionBankController,
    ModuleQuizController,
    QuizResultsController,
    LearnerQuizController,
    QuizAttemptsController,
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
  ],
  // DemoQuiz: for the CLI's demo seed only. QuizClock: tests move it.
  exports: [QuizClock, DemoQuiz, QuestionBank, QuizSettings, QuizAttempts],
})
export class ActivitiesModule {}
