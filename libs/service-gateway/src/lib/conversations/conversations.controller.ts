import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import { ASKING_ROLES, type ConversationDetail, type ConversationList, type FeedbackCreated } from '@mileva/contracts';
import { FeedbackRequestSchema } from '@mileva/contracts/validation';
import { AllowRoles, CurrentUser, UserGuard } from '../auth/request-user';
import type { RequestUser } from '../auth/user';
import { parseBody } from '../http/parse-body';
import { ConversationsService } from './conversations.service';

/** The caller's own conversations (never another user's, nor another académie's). */
@Controller('v1/conversations')
@UseGuards(UserGuard)
@AllowRoles(...ASKING_ROLES)
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Get()
  async list(@CurrentUser() user: RequestUser): Promise<ConversationList> {
    return { conversations: await this.conversations.list(user) };
  }

  @Get(':id')
  detail(@CurrentUser() user: RequestUser, @Param('id') id: string): Promise<ConversationDetail> {
    return this.conversations.detail(user, id);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  remove(@CurrentUser() user: RequestUser, @Param('id') id: string): Promise<void> {
    return this.conversations.remove(user, id);
  }
}

/** Feedback on an answer, by the author of its conversation only. */
@Controller('v1/messages')
@UseGuards(UserGuard)
@AllowRoles(...ASKING_ROLES)
export class FeedbackController {
  constructor(private readonly conversations: ConversationsService) {}

  @Post(':messageId/feedback')
  @HttpCode(HttpStatus.CREATED)
  give(@CurrentUser() user: RequestUser, @Param('messageId') messageId: string, @Body() body: unknown): Promise<FeedbackCreated> {
    return this.conversations.giveFeedback(user, messageId, parseBody(FeedbackRequestSchema, body, 'Avis refusé : corrigez les champs indiqués.'));
  }
}
