import { Body, Controller, HttpException, HttpStatus, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ASKING_ROLES } from '@mileva/contracts';
import { ServiceError } from '@mileva/runtime';
import type { Request, Response } from 'express';
import { lastValueFrom, toArray } from 'rxjs';
import { AllowRoles, CurrentUser, UserGuard, type RequestUser } from '../auth/request-user';
import { ConversationsService } from '../conversations/conversations.service';
import type { AskedDraft } from './ask.service';

interface QuestionBody {
  readonly question?: unknown;
  readonly conversationId?: unknown;
  readonly theme?: unknown;
  readonly date?: unknown;
}

/**
 * `POST /api/v1/questions`: a draft answer, as JSON or streamed as server-sent events. The exchange
 * is stored in the user's conversation (a new one without `conversationId`), pseudonymized.
 */
@Controller('v1/questions')
@UseGuards(UserGuard)
export class QuestionsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Post()
  @AllowRoles(...ASKING_ROLES)
  async ask(@Body() body: QuestionBody, @CurrentUser() user: RequestUser, @Req() request: Request, @Res() response: Response): Promise<void> {
    const events = await this.conversations.ask(user, {
      question: typeof body?.question === 'string' ? body.question : '',
      ...(typeof body?.conversationId === 'string' && body.conversationId ? { conversationId: body.conversationId } : {}),
      ...(typeof body?.theme === 'string' ? { theme: body.theme } : {}),
      ...(typeof body?.date === 'string' ? { date: body.date } : {}),
    });
    if (!(request.header('accept') ?? '').includes('text/event-stream')) {
      try {
        const all = await lastValueFrom(events.pipe(toArray()));
        const last = all.at(-1);
        response.status(HttpStatus.OK).json(last?.type === 'draft' ? last.draft : undefined);
      } catch (error) {
        throw toHttpError(error);
      }
      return;
    }
    response.status(HttpStatus.OK);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    const send = (event: string, data: unknown) => response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const subscription = events.subscribe({
      // Only the re-filled draft goes out: the pseudonymized exchange stays in the gateway.
      next: (event) => (event.type === 'token' ? send('token', { text: event.text }) : send('draft', event.draft satisfies AskedDraft)),
      error: (error: unknown) => {
        const http = toHttpError(error);
        send('error', http.getResponse());
        response.end();
      },
      complete: () => response.end(),
    });
    request.on('close', () => subscription.unsubscribe());
  }
}

/** A failure as the portal reads it: a code and a French message saying what to do. */
function toHttpError(error: unknown): HttpException {
  if (error instanceof HttpException) return error;
  if (error instanceof ServiceError) {
    const status = error.code === 'BAD_REQUEST' ? HttpStatus.BAD_REQUEST : error.code === 'TIMEOUT' ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE;
    return new HttpException({ code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) }, status);
  }
  return new HttpException({ code: 'INTERNAL', message: 'La réponse n’a pas pu être préparée. Réessayez ; si le problème persiste, prévenez l’assistance.' }, HttpStatus.INTERNAL_SERVER_ERROR);
}
