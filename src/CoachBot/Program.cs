CoachBot.CoachBotApp.Create(args).Run();
